using Convene.Signalling;

namespace Convene.Server.Realtime;

/// <summary>
/// On host shutdown, before Kestrel stops: every participant gets <c>left{server_shutdown}</c>, sockets close and
/// every session and timer-started task is awaited. The service is taken at construction: by the time a host stops,
/// its container may already be in disposal.
/// </summary>
internal sealed class SignallingShutdown(SignallingService signalling) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => signalling.ShutdownAsync(cancellationToken);
}
