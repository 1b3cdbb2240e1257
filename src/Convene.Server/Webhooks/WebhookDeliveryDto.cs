namespace Convene.Server.Webhooks;

/// <summary>One row of the delivery log (ours, not in the contract); times in ms since the epoch.</summary>
internal sealed record WebhookDeliveryDto(
    string Id,
    string EventId,
    string Event,
    string? RoomId,
    string Status,
    int Attempts,
    int? LastStatusCode,
    string? LastError,
    long CreatedAt,
    long? LastAttemptAt,
    long? DeliveredAt);
