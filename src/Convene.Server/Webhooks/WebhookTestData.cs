namespace Convene.Server.Webhooks;

/// <summary><c>data</c> of the <c>testEvent</c> webhook (contract §6.5).</summary>
internal sealed record WebhookTestData(string Message);
