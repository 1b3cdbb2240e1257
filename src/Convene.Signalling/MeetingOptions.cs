namespace Convene.Signalling;

/// <summary>Meeting lifecycle settings (config section <c>Convene:Meetings</c>).</summary>
public sealed record MeetingOptions
{
    /// <summary>
    /// How long a meeting lives on after its last participant left or lost its connection, and how long a dropped
    /// participant may reconnect silently (contract: LiveKit departureTimeout, 20 s).
    /// </summary>
    public TimeSpan DepartureTimeout { get; init; } = TimeSpan.FromSeconds(20);
}
