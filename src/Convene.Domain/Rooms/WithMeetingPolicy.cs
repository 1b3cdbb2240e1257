namespace Convene.Domain.Rooms;

/// <summary>How a deletion treats an active meeting (contract §3.5).</summary>
public enum WithMeetingPolicy
{
    Force,
    WhenMeetingEnds,
    Fail,
}
