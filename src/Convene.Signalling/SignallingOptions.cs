namespace Convene.Signalling;

/// <summary>Limits and timeouts of one signalling WebSocket session (docs/protocol.md "Transport").</summary>
public sealed record SignallingOptions
{
    /// <summary>The first message must be <c>join</c> and arrive within this time (else close 4401).</summary>
    public TimeSpan JoinTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>A socket that sends nothing for this long is closed (4408).</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Largest accepted frame; larger frames are drained and answered with <c>bad_message</c>.</summary>
    public int MaxMessageBytes { get; init; } = 64 * 1024;

    /// <summary>Bad messages tolerated before the socket is closed with 1008.</summary>
    public int MaxBadMessages { get; init; } = 20;

    /// <summary>Messages per second a client may send; the excess is dropped with one <c>rate_limited</c> per second.</summary>
    public int MaxMessagesPerSecond { get; init; } = 50;

    /// <summary>Outgoing messages queued per session; a client too slow to drain them is disconnected.</summary>
    public int SendQueueCapacity { get; init; } = 512;

    /// <summary>How long a close handshake may take before the socket is aborted.</summary>
    public TimeSpan CloseGrace { get; init; } = TimeSpan.FromSeconds(2);
}
