using System.Security.Cryptography;
using System.Text;

namespace Convene.Server.Webhooks;

/// <summary>Contract §6.3: <c>hex(HMAC-SHA256(key = API key, message = "&lt;timestamp&gt;.&lt;body&gt;"))</c>, UTF-8.</summary>
internal static class WebhookSignature
{
    public static string Sign(string apiKey, string timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(apiKey);
        var message = Encoding.UTF8.GetBytes(timestamp + "." + body);
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(apiKey), message));
    }
}
