namespace Convene.Domain.Rooms;

/// <summary>What happens to the room when its current meeting ends (contract §3.1, §3.5).</summary>
public enum MeetingEndAction
{
    None,
    Close,
    Delete,
}
