using Microsoft.Extensions.Logging;

namespace Convene.Recording;

public sealed partial class RoomRecorder
{
    [LoggerMessage(EventId = 6010, Level = LogLevel.Warning, Message = "Track {TrackId} uses codec {Codec}, which the recorder does not store; skipped")]
    private static partial void LogUnsupportedCodec(ILogger logger, string trackId, string codec);

    [LoggerMessage(EventId = 6011, Level = LogLevel.Error, Message = "Could not start recording track {TrackId}")]
    private static partial void LogTrackStartFailed(ILogger logger, string trackId, Exception exception);

    [LoggerMessage(EventId = 6012, Level = LogLevel.Error, Message = "Could not write the recording manifest {Path}")]
    private static partial void LogManifestFailed(ILogger logger, string path, Exception exception);
}
