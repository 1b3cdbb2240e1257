namespace Convene.Domain.Webhooks;

/// <summary>
/// The write side of the webhook outbox. <see cref="Add"/> only adds the row to the current unit of work (the scope's
/// database context): it is committed by the same save that commits the state change which raised the event, so the
/// event exists if and only if the change does.
/// </summary>
public interface IWebhookOutbox
{
    void Add(WebhookDelivery delivery);
}
