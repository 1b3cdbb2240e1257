using Convene.Signalling;

namespace Convene.Server.Realtime;

/// <summary>
/// On host shutdown, before Kestrel stops: every participant gets <c>left{server_shutdown}</c>, sockets close and
/// every session and timer-started task is awaited.
/// </summary>
internal sealed class SignallingShutdown(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (SignallingServiceCollectionExtensions.MediaPlaneAvailable(services))
        {
            await services.GetRequiredService<SignallingService>().ShutdownAsync(cancellationToken);
        }
    }
}
