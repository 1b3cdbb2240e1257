using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Convene.E2E.Tests;

/// <summary>
/// A customer's site on another origin (its own Kestrel on 127.0.0.1, any free port) that embeds Convene meetings with
/// <c>&lt;openvidu-meet&gt;</c>. Pages are registered per path; every element event is recorded in
/// <c>window.meetEvents</c>.
/// </summary>
public sealed class EmbeddingHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Dictionary<string, string> _pages = new(StringComparer.Ordinal);

    private EmbeddingHost(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>E.g. <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The same site under another origin (<c>localhost</c> instead of <c>127.0.0.1</c>): a third party.</summary>
    public Uri OtherOriginUrl => new($"http://localhost:{BaseUrl.Port}/");

    public static async Task<EmbeddingHost> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        EmbeddingHost? host = null;
        app.MapGet("/{**path}", (string? path) =>
            host is not null && host._pages.TryGetValue("/" + (path ?? string.Empty), out var html)
                ? Results.Content(html, "text/html; charset=utf-8")
                : Results.NotFound());
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        host = new EmbeddingHost(app, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/"));
        return host;
    }

    /// <summary>A page with the element for <paramref name="roomUrl"/>, loading the script from <paramref name="convene"/>.</summary>
    public Uri AddMeetingPage(string path, Uri convene, Uri roomUrl, string participantName)
    {
        ArgumentNullException.ThrowIfNull(convene);
        ArgumentNullException.ThrowIfNull(roomUrl);
        _pages[path] = $$"""
            <!doctype html>
            <html><head><meta charset="utf-8"><title>Embedder</title>
            <script src="{{new Uri(convene, "v1/openvidu-meet.js")}}"></script></head>
            <body style="margin:0">
            <h1 style="font:16px sans-serif">Customer site</h1>
            <openvidu-meet id="meet" room-url="{{WebUtility.HtmlEncode(roomUrl.ToString())}}" participant-name="{{WebUtility.HtmlEncode(participantName)}}" style="height:640px"></openvidu-meet>
            <script>
              window.meetEvents = [];
              const el = document.getElementById('meet');
              for (const name of ['joined', 'left', 'closed']) el.on(name, (detail) => window.meetEvents.push({ name, detail }));
            </script>
            </body></html>
            """;
        return new Uri(BaseUrl, path.TrimStart('/'));
    }

    /// <summary>A page that forges the meeting's messages: to its parent (the element) and to the meeting frames.</summary>
    public Uri AddForgerPage(string path)
    {
        _pages[path] = """
            <!doctype html><html><body><script>
              window.parent.postMessage({ event: 'left', payload: { roomId: 'x', participantIdentity: 'y', reason: 'voluntary_leave' } }, '*');
              window.parent.postMessage({ event: 'joined', payload: { roomId: 'forged', participantIdentity: 'forged' } }, '*');
              for (let i = 0; i < window.parent.frames.length; i++) {
                try { window.parent.frames[i].postMessage({ command: 'leaveRoom', payload: {} }, '*'); } catch (e) { }
              }
              document.body.textContent = 'forged';
            </script></body></html>
            """;
        return new Uri(OtherOriginUrl, path.TrimStart('/'));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
