using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Convene.Server.Webhooks;

/// <summary>
/// The base URL for links inside webhook payloads: <c>Convene:BaseUrl</c> when set, else the first address the server
/// listens on. Deterministic, unlike the contract's "last request seen" (§6.4, §13).
/// </summary>
internal sealed class WebhookBaseUrl(IOptions<ConveneOptions> options, IServer server)
{
    public string Value
    {
        get
        {
            var configured = options.Value.BaseUrl.TrimEnd('/');
            if (configured.Length > 0)
            {
                return configured;
            }

            var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
            if (address is null)
            {
                return "http://localhost";
            }

            return address.TrimEnd('/')
                .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
                .Replace("://[::]", "://localhost", StringComparison.Ordinal)
                .Replace("://+", "://localhost", StringComparison.Ordinal)
                .Replace("://*", "://localhost", StringComparison.Ordinal);
        }
    }
}
