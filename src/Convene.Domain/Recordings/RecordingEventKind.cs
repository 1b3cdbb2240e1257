namespace Convene.Domain.Recordings;

/// <summary>The recording webhooks of contract §6.1.</summary>
public enum RecordingEventKind
{
    /// <summary><c>recordingStarted</c> (status starting).</summary>
    Started,

    /// <summary><c>recordingUpdated</c> (active, then ending).</summary>
    Updated,

    /// <summary><c>recordingEnded</c> (complete, failed, aborted).</summary>
    Ended,
}
