using Convene.Data.Repositories;
using Convene.Domain.ApiKeys;
using Convene.Domain.Webhooks;
using Convene.Server.Config;
using Microsoft.Extensions.Options;

namespace Convene.Server.Webhooks;

/// <summary>
/// Delivers the webhook outbox: for every room the oldest pending event first (rooms in parallel), signed with the
/// current API key, to the current webhook URL. A failed attempt is retried with exponential backoff until
/// <see cref="WebhookOptions.MaxAttempts"/>, then the delivery is parked as failed. State lives in the database, so
/// pending deliveries resume after a restart; requests never wait for any of this.
/// </summary>
internal sealed partial class WebhookDeliveryService(
    IServiceScopeFactory scopes,
    WebhookSender sender,
    WebhookOutboxSignal signal,
    IOptions<WebhookOptions> options,
    TimeProvider time,
    ILogger<WebhookDeliveryService> logger) : BackgroundService
{
    private const int BatchSize = 16;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            signal.Reset();
            var worked = false;
            try
            {
                worked = await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogLoopFailed(logger, ex);
            }

            if (!worked)
            {
                await WaitAsync(stoppingToken);
            }
        }
    }

    /// <summary>Makes one attempt for every due head-of-room delivery; true when there was any.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var store = services.GetRequiredService<IWebhookDeliveryStore>();
        var due = await store.DueHeadsAsync(NowMs(), BatchSize, cancellationToken);
        if (due.Count == 0)
        {
            return false;
        }

        var config = await services.GetRequiredService<GlobalConfigStore>().GetWebhooksAsync(cancellationToken);
        var keys = await services.GetRequiredService<IApiKeyRepository>().ListAsync(cancellationToken);
        var apiKey = keys.Count > 0 ? keys[0].Key : null;
        var outcomes = await Task.WhenAll(due.Select(d => AttemptAsync(d, config, apiKey, cancellationToken)));
        for (var i = 0; i < due.Count; i++)
        {
            Apply(due[i], outcomes[i]);
            await store.UpdateAsync(due[i], CancellationToken.None);
        }

        return true;
    }

    private async Task<WebhookAttempt?> AttemptAsync(WebhookDelivery delivery, WebhooksConfig config, string? apiKey, CancellationToken cancellationToken)
    {
        if (!config.Enabled || string.IsNullOrEmpty(config.Url))
        {
            return null;
        }

        if (apiKey is null)
        {
            return new WebhookAttempt(false, null, "There are no API keys configured yet. Please, create one to use webhooks.");
        }

        return await sender.SendAsync(config.Url, delivery.EventId, delivery.Body, apiKey, cancellationToken);
    }

    private void Apply(WebhookDelivery delivery, WebhookAttempt? attempt)
    {
        var now = NowMs();
        var settings = options.Value;
        if (attempt is null)
        {
            delivery.Status = WebhookDeliveryStatus.Failed;
            delivery.LastError = "Webhooks are disabled";
            LogParked(logger, delivery.EventId, delivery.Event, delivery.LastError);
            return;
        }

        delivery.Attempts++;
        delivery.LastAttemptAt = now;
        delivery.LastStatusCode = attempt.StatusCode;
        if (attempt.Delivered)
        {
            delivery.Status = WebhookDeliveryStatus.Delivered;
            delivery.DeliveredAt = now;
            delivery.LastError = null;
            return;
        }

        delivery.LastError = attempt.Error is { Length: > 1000 } text ? text[..1000] : attempt.Error;
        if (delivery.Attempts >= settings.MaxAttempts || attempt.StatusCode is null && attempt.Error?.StartsWith("There are no API keys", StringComparison.Ordinal) == true)
        {
            delivery.Status = WebhookDeliveryStatus.Failed;
            LogParked(logger, delivery.EventId, delivery.Event, delivery.LastError ?? string.Empty);
            return;
        }

        var delay = settings.RetryBaseDelay * Math.Pow(2, delivery.Attempts - 1);
        delivery.NextAttemptAt = now + (long)Math.Min(delay.TotalMilliseconds, settings.MaxRetryDelay.TotalMilliseconds);
        LogRetry(logger, delivery.EventId, delivery.Event, delivery.Attempts, delivery.LastError ?? string.Empty);
    }

    private async Task WaitAsync(CancellationToken cancellationToken)
    {
        var wait = options.Value.PollInterval;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var next = await scope.ServiceProvider.GetRequiredService<IWebhookDeliveryStore>().NextAttemptAtAsync(cancellationToken);
            if (next is { } at)
            {
                var untilDue = TimeSpan.FromMilliseconds(Math.Max(0, at - NowMs()));
                wait = untilDue < wait ? untilDue : wait;
            }

            await signal.Current.WaitAsync(wait, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            // nothing woke us: look again
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // stopping
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogLoopFailed(logger, ex);
            await Task.Delay(options.Value.PollInterval, time, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private long NowMs() => time.GetUtcNow().ToUnixTimeMilliseconds();
}
