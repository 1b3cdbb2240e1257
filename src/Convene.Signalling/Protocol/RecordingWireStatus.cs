using Convene.Domain.Recordings;

namespace Convene.Signalling.Protocol;

/// <summary>The <c>recordingStatus.status</c> values of docs/protocol.md and their mapping from the domain.</summary>
internal static class RecordingWireStatus
{
    public const string Starting = "starting";
    public const string Active = "active";
    public const string Ending = "ending";
    public const string Complete = "complete";
    public const string Failed = "failed";
    public const string Aborted = "aborted";

    /// <summary>A recording stopped by its length limit is still being composed, so the meeting sees it ending.</summary>
    public static string From(RecordingStatus status) => status switch
    {
        RecordingStatus.Starting => Starting,
        RecordingStatus.Active => Active,
        RecordingStatus.Ending or RecordingStatus.LimitReached => Ending,
        RecordingStatus.Complete => Complete,
        RecordingStatus.Failed => Failed,
        RecordingStatus.Aborted => Aborted,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown recording status"),
    };

    /// <summary>Whether the status belongs to a recording that has not finished (the meeting remembers it).</summary>
    public static bool IsRunning(string status) => status is Starting or Active or Ending;
}
