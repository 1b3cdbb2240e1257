namespace Convene.Domain.Webhooks;

/// <summary>The delivery side of the webhook outbox and its log. Reads return detached copies.</summary>
public interface IWebhookDeliveryStore
{
    /// <summary>
    /// Pending deliveries that are due (<c>NextAttemptAt &lt;= nowMs</c>) and first in line for their room (no earlier
    /// pending delivery of the same room), oldest first.
    /// </summary>
    Task<IReadOnlyList<WebhookDelivery>> DueHeadsAsync(long nowMs, int maxItems, CancellationToken cancellationToken);

    /// <summary>The earliest next-attempt time of any pending delivery, or null when none is pending.</summary>
    Task<long?> NextAttemptAtAsync(CancellationToken cancellationToken);

    /// <summary>Saves the delivery's mutable fields.</summary>
    Task UpdateAsync(WebhookDelivery delivery, CancellationToken cancellationToken);

    /// <summary>Stores a new delivery at once (redelivery); its <see cref="WebhookDelivery.Id"/> is assigned.</summary>
    Task AddNowAsync(WebhookDelivery delivery, CancellationToken cancellationToken);

    Task<WebhookDelivery?> FindAsync(long id, CancellationToken cancellationToken);

    /// <summary>Newest first; <paramref name="beforeId"/> continues a previous page.</summary>
    Task<(IReadOnlyList<WebhookDelivery> Items, bool IsTruncated)> ListAsync(long? beforeId, int maxItems, CancellationToken cancellationToken);
}
