using Convene.Domain.Recordings;
using Convene.Domain.Rooms;
using Convene.Server.Config;

namespace Convene.Server.Webhooks;

/// <summary>Global config documents, the webhook sender and the durable delivery of webhook events.</summary>
internal static class WebhookServiceCollectionExtensions
{
    public static WebApplicationBuilder AddConveneWebhooks(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<GlobalConfigStore>();
        services.AddSingleton<WebhookTargets>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<WebhookJson>();
        services.AddSingleton<WebhookBaseUrl>();
        services.AddScoped<WebhookEventSink>();
        services.AddScoped<IRoomEvents>(sp => sp.GetRequiredService<WebhookEventSink>());
        services.AddScoped<IRecordingEvents>(sp => sp.GetRequiredService<WebhookEventSink>());
        services.AddHostedService<WebhookDeliveryService>();
        return builder;
    }
}
