namespace Convene.Ice;

/// <summary>Timers of an ICE-lite agent.</summary>
public sealed record IceLiteAgentOptions
{
    /// <summary>No valid request for this long ⇒ <see cref="IceAgentState.Disconnected"/> (RFC 7675 §5.1: 30 s).</summary>
    public TimeSpan ConsentTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// No valid request for this long (since creation or the last valid request) ⇒ <see cref="IceAgentState.Failed"/>.
    /// </summary>
    public TimeSpan FailureTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Most remote addresses kept as valid pairs (older ones are forgotten first).</summary>
    public int MaxValidPairs { get; init; } = 8;
}
