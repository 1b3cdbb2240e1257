using Convene.Domain.Rooms;
using Microsoft.Extensions.Options;

namespace Convene.Server.Hosting;

/// <summary>
/// Contract §8 <c>expiredRoomsGC</c>: once at start and then every interval (1 h by default) deletes rooms past
/// their auto-deletion date, each with its own policy. Driven by the injected <see cref="TimeProvider"/>.
/// </summary>
internal sealed partial class ExpiredRoomsJob(
    IServiceScopeFactory scopes,
    TimeProvider time,
    IOptions<ConveneOptions> options,
    ILogger<ExpiredRoomsJob> logger) : BackgroundService
{
    /// <summary>Completed sweeps, for tests and diagnostics.</summary>
    public int Runs => Volatile.Read(ref _runs);

    private int _runs;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ExpiredRoomsInterval, time);
        do
        {
            await RunOnceAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One sweep; failures are logged, never thrown, so the job keeps its schedule.</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var processed = await scope.ServiceProvider.GetRequiredService<RoomService>().DeleteExpiredAsync(cancellationToken);
            if (processed > 0)
            {
                LogSwept(processed);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSweepFailed(ex);
        }
        finally
        {
            Interlocked.Increment(ref _runs);
        }
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Expired rooms job processed {Count} room(s)")]
    private partial void LogSwept(int count);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Error, Message = "Expired rooms job failed")]
    private partial void LogSweepFailed(Exception exception);
}
