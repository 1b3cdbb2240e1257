using Microsoft.Extensions.Options;

namespace Convene.Server.Http;

/// <summary>The base URL for links: <c>Convene:BaseUrl</c> when set, else the request's scheme and host.</summary>
internal sealed class BaseUrls(IOptions<ConveneOptions> options)
{
    private readonly string _configured = options.Value.BaseUrl.TrimEnd('/');

    public string For(HttpRequest request) =>
        _configured.Length > 0 ? _configured : request.Scheme + "://" + request.Host.Value;
}
