namespace Convene.Server.Webhooks;

/// <summary>The result of one HTTP attempt to deliver a webhook.</summary>
internal sealed record WebhookAttempt(bool Delivered, int? StatusCode, string? Error);
