namespace Convene.Domain.Webhooks;

/// <summary>
/// One webhook event on its way to the receiver: a row of the outbox, written in the same transaction as the state
/// change that raised it, and its delivery log. Deliveries of the same room go out in <see cref="Id"/> order.
/// Times are ms since the epoch.
/// </summary>
public sealed class WebhookDelivery
{
    /// <summary>Assigned by the store; increasing in insertion order.</summary>
    public long Id { get; set; }

    /// <summary>Sent as a header on every attempt so receivers can drop duplicates; kept by a redelivery.</summary>
    public required string EventId { get; init; }

    /// <summary>The contract's event name, e.g. <c>meetingStarted</c>.</summary>
    public required string Event { get; init; }

    /// <summary>The room the event belongs to (ordering key); empty when none.</summary>
    public required string RoomId { get; init; }

    /// <summary>The exact JSON body (signed as is).</summary>
    public required string Body { get; init; }

    public WebhookDeliveryStatus Status { get; set; }

    public int Attempts { get; set; }

    public int? LastStatusCode { get; set; }

    public string? LastError { get; set; }

    public long CreatedAt { get; init; }

    public long? LastAttemptAt { get; set; }

    public long? DeliveredAt { get; set; }

    /// <summary>Not before this time is the next attempt made.</summary>
    public long NextAttemptAt { get; set; }
}
