namespace Convene.Server.Config;

/// <summary>Body of <c>POST /internal-api/v1/config/webhooks/test</c>.</summary>
internal sealed record WebhookTestBody(string Url);
