using System.Text.Json;
using System.Text.Json.Serialization;
using Convene.Domain.Settings;
using Convene.Server.Webhooks;
using Microsoft.Extensions.Options;

namespace Convene.Server.Config;

/// <summary>
/// The global config documents (contract §7.5: security, webhooks, rooms appearance), each stored as JSON in the
/// settings table; absent documents read as their defaults.
/// </summary>
internal sealed class GlobalConfigStore(ISettingsStore settings, IOptions<WebhookOptions> webhookOptions)
{
    public const string SecurityKey = "config.security";
    public const string AppearanceKey = "config.rooms.appearance";
    public const string WebhooksKey = "config.webhooks";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public Task<SecurityConfig> GetSecurityAsync(CancellationToken cancellationToken) =>
        ReadAsync(SecurityKey, SecurityConfig.Default, cancellationToken);

    public Task SetSecurityAsync(SecurityConfig config, CancellationToken cancellationToken) =>
        WriteAsync(SecurityKey, config, cancellationToken);

    public Task<AppearanceConfig> GetAppearanceAsync(CancellationToken cancellationToken) =>
        ReadAsync(AppearanceKey, AppearanceConfig.Default, cancellationToken);

    public Task SetAppearanceAsync(AppearanceConfig config, CancellationToken cancellationToken) =>
        WriteAsync(AppearanceKey, config, cancellationToken);

    public Task<WebhooksConfig> GetWebhooksAsync(CancellationToken cancellationToken)
    {
        var options = webhookOptions.Value;
        var fallback = new WebhooksConfig(options.Enabled, options.Url.Length == 0 ? null : options.Url);
        return ReadAsync(WebhooksKey, fallback, cancellationToken);
    }

    public Task SetWebhooksAsync(WebhooksConfig config, CancellationToken cancellationToken) =>
        WriteAsync(WebhooksKey, config, cancellationToken);

    private async Task<T> ReadAsync<T>(string key, T fallback, CancellationToken cancellationToken)
    {
        var text = await settings.FindAsync(key, cancellationToken);
        return text is null ? fallback : JsonSerializer.Deserialize<T>(text, Json) ?? fallback;
    }

    private Task WriteAsync<T>(string key, T value, CancellationToken cancellationToken) =>
        settings.SetAsync(key, JsonSerializer.Serialize(value, Json), cancellationToken);
}
