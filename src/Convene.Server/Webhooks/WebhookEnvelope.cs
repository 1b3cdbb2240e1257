namespace Convene.Server.Webhooks;

/// <summary>The webhook body (contract §6.2), serialised in this key order: event, creationDate, data.</summary>
internal sealed record WebhookEnvelope<T>(string Event, long CreationDate, T Data);
