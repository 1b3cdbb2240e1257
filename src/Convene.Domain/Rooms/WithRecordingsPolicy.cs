namespace Convene.Domain.Rooms;

/// <summary>How a deletion treats the room's recordings (contract §3.5).</summary>
public enum WithRecordingsPolicy
{
    Force,
    Close,
    Fail,
}
