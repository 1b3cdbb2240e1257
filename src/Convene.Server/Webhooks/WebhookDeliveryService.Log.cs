namespace Convene.Server.Webhooks;

internal sealed partial class WebhookDeliveryService
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook delivery loop failed; retrying")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {EventId} ({Event}) attempt {Attempts} failed: {Error}; will retry")]
    private static partial void LogRetry(ILogger logger, string eventId, string @event, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {EventId} ({Event}) parked as failed: {Error}")]
    private static partial void LogParked(ILogger logger, string eventId, string @event, string error);
}
