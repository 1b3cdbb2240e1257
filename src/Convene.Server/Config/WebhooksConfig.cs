namespace Convene.Server.Config;

/// <summary>The global webhooks config (contract §7.4): whether events are sent and where.</summary>
internal sealed record WebhooksConfig(bool Enabled, string? Url);
