namespace Convene.Domain.Rooms;

/// <summary>
/// A room's feature switches (contract §7.1). <see cref="RecordingAllowAccessTo"/> is null when the client stored
/// <c>recording</c> without <c>allowAccessTo</c> (the contract's shallow merge keeps that absence).
/// </summary>
public sealed record RoomConfig(
    bool ChatEnabled,
    bool RecordingEnabled,
    RecordingAccess? RecordingAllowAccessTo,
    bool VirtualBackgroundEnabled,
    bool E2eeEnabled)
{
    public static RoomConfig Default { get; } = new(true, true, RecordingAccess.AdminModeratorSpeaker, true, false);

    /// <summary>Applies the rule that end-to-end encryption forces recording off (contract §3.2).</summary>
    public RoomConfig Normalised() => E2eeEnabled && RecordingEnabled ? this with { RecordingEnabled = false } : this;
}
