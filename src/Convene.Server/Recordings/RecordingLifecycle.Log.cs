using Convene.Domain.Recordings;

namespace Convene.Server.Recordings;

internal sealed partial class RecordingLifecycle
{
    [LoggerMessage(EventId = 6100, Level = LogLevel.Information, Message = "Recording {RecordingId} started with {Tracks} tracks")]
    private static partial void LogStarted(ILogger logger, string recordingId, int tracks);

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Recording {RecordingId} finished as {Status} (ffmpeg exit {Exit})")]
    private static partial void LogFinished(ILogger logger, string recordingId, RecordingStatus status, int exit);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Warning, Message = "Recording {RecordingId} was left running by a previous process; marked {Status}")]
    private static partial void LogStale(ILogger logger, string recordingId, RecordingStatus status);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Error, Message = "A recording background task failed")]
    private static partial void LogBackgroundFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 6104, Level = LogLevel.Warning, Message = "Recording {RecordingId} was saved ({Kind}) but telling its meeting failed")]
    private static partial void LogNotificationFailed(ILogger logger, Exception exception, string recordingId, RecordingEventKind kind);
}
