using Microsoft.Extensions.Logging;

namespace Convene.Recording;

public sealed partial class TrackRecorder
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Error, Message = "Writing track {TrackId} failed")]
    private static partial void LogWriteFailed(ILogger logger, string trackId, Exception exception);
}
