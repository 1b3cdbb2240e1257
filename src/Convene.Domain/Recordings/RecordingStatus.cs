namespace Convene.Domain.Recordings;

/// <summary>Recording lifecycle states (contract §3.9).</summary>
public enum RecordingStatus
{
    Starting,
    Active,
    Ending,
    Complete,
    Failed,
    Aborted,
    LimitReached,
}
