using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Convene.Server.Webhooks;

/// <summary>
/// Webhook bodies: the API's JSON conventions (camelCase, nulls omitted, snake_case enums) written compactly with
/// JavaScript's minimal escaping, so receivers that verify over <c>JSON.stringify(req.body)</c> agree (contract §6.2).
/// </summary>
internal sealed class WebhookJson(IOptions<JsonOptions> http)
{
    private readonly JsonSerializerOptions _options = new(http.Value.SerializerOptions)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    public string Body<T>(string eventName, long creationDate, T data) =>
        JsonSerializer.Serialize(new WebhookEnvelope<T>(eventName, creationDate, data), _options);
}
