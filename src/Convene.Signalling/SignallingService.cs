using System.Collections.Concurrent;
using System.Net.WebSockets;
using Convene.Signalling.Sessions;
using Microsoft.Extensions.Logging;

namespace Convene.Signalling;

/// <summary>
/// Entry point for the server: runs one session per accepted WebSocket and, on shutdown, tells every participant
/// (<c>left{server_shutdown}</c>), closes every socket and awaits every session.
/// </summary>
public sealed class SignallingService : IAsyncDisposable
{
    private readonly ConcurrentDictionary<SignallingSession, Task> _sessions = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly MeetingRegistry _registry;
    private readonly IRoomMemberTokenValidator _validator;
    private readonly SignallingOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _sessionLogger;
    private int _stopped;

    public SignallingService(MeetingRegistry registry, IRoomMemberTokenValidator validator, SignallingOptions options, TimeProvider time, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _registry = registry;
        _validator = validator;
        _options = options;
        _time = time;
        _sessionLogger = loggerFactory.CreateLogger<SignallingService>();
    }

    /// <summary>Live sessions (joined or not).</summary>
    public int SessionCount => _sessions.Count;

    /// <summary>Runs the protocol on an accepted socket until it closes; disposes the socket.</summary>
    public async Task RunSessionAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(socket);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        var session = new SignallingSession(socket, _options, _validator, _registry, _time, _sessionLogger);
        var run = session.RunAsync(linked.Token);
        _sessions[session] = run;
        if (Volatile.Read(ref _stopped) != 0)
        {
            session.Close(null, (int)WebSocketCloseStatus.EndpointUnavailable, "server shutting down");
        }

        try
        {
            await run;
        }
        finally
        {
            _sessions.TryRemove(session, out _);
        }
    }

    /// <summary>Ends every meeting with <c>server_shutdown</c>, closes the remaining sockets and awaits all sessions.</summary>
    public async Task ShutdownAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        await _registry.ShutdownAsync(cancellationToken);
        foreach (var session in _sessions.Keys)
        {
            session.Close(null, (int)WebSocketCloseStatus.EndpointUnavailable, "server shutting down");
        }

        // Close handshakes get their grace; then whatever is left is cancelled (which aborts its socket).
        using (var grace = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            grace.CancelAfter(_options.CloseGrace + _options.CloseGrace);
            try
            {
                await Task.WhenAll(_sessions.Values).WaitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                // fall through to cancellation
            }
        }

        await _stopping.CancelAsync();
        try
        {
            await Task.WhenAll(_sessions.Values);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // sessions end by cancellation; nothing else to do
        }
    }

    public async ValueTask DisposeAsync()
    {
        await ShutdownAsync(CancellationToken.None);
        _stopping.Dispose();
    }
}
