using System.Text.Json;
using Convene.Sfu.Api;
using Convene.Sfu.Plane;
using Convene.Sfu.Udp;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;

namespace Convene.Sfu.BrowserTests;

/// <summary>
/// Headless Debian Chromium publishes camera + microphone to the real SFU (UDP on 127.0.0.1) through a test-only
/// HTTP offer endpoint, subscribes to its own tracks on a second PeerConnection, and must decode video frames.
/// </summary>
public sealed class ChromiumEchoTests(ITestOutputHelper output)
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact(Timeout = 90_000)]
    public async Task Chromium_publishes_and_receives_its_own_stream_back_through_the_sfu()
    {
        Assert.SkipUnless(File.Exists(Chromium), "Debian chromium is not installed");
        var ct = TestContext.Current.CancellationToken;
        var options = new SfuOptions { Port = 0, BindAddress = "127.0.0.1" };
        var socket = new UdpDatagramTransport(options, TimeProvider.System, NullLogger<UdpDatagramTransport>.Instance);
        await using var plane = new MediaPlane(socket, options, TimeProvider.System, new Random(7), NullLoggerFactory.Instance);
        var room = plane.GetOrCreateRoom("room-1");
        var peer = room.CreatePeer("alice");

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        var html = await ReadPageAsync();
        app.MapGet("/", () => Results.Content(html, "text/html"));
        app.MapPost("/publish", async (HttpRequest request) =>
        {
            var offer = await new StreamReader(request.Body).ReadToEndAsync();
            var published = peer.HandlePublishOffer(offer, []);
            if (!published.Succeeded)
            {
                return Results.Json(new { error = published.Error });
            }

            foreach (var track in published.Tracks)
            {
                peer.Subscribe(track.Track);
            }

            var subscribe = peer.CreateSubscribeOfferIfNeeded();
            return Results.Json(new { answer = published.SdpAnswer, subscribeOffer = subscribe?.Sdp });
        });
        app.MapPost("/subscribe-answer", async (HttpRequest request) =>
        {
            var answer = await new StreamReader(request.Body).ReadToEndAsync();
            var result = peer.HandleSubscribeAnswer(answer);
            return Results.Text(result.Succeeded ? "ok" : result.Error ?? "failed");
        });
        await app.StartAsync(ct);
        var url = app.Urls.First();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
                "--disable-background-networking", "--allow-loopback-in-peer-connection",
                "--autoplay-policy=no-user-gesture-required",
            ],
        });
        var page = await browser.NewPageAsync();
        await page.GotoAsync(url);
        await page.WaitForFunctionAsync("() => window.result !== null", null, new PageWaitForFunctionOptions { Timeout = 40_000 });
        var json = await page.EvaluateAsync<JsonElement>("() => window.result");
        output.WriteLine(json.ToString());
        output.WriteLine(JsonSerializer.Serialize(plane.Counters));

        Assert.False(json.TryGetProperty("error", out var error), error.ToString());
        Assert.True(json.GetProperty("in_video").GetProperty("framesDecoded").GetInt32() > 0, json.ToString());
        Assert.True(json.GetProperty("in_audio").GetProperty("packetsReceived").GetInt32() > 0, json.ToString());
        Assert.Equal(0, plane.Counters.Dropped(DropReason.SrtpAuthenticationFailed));
        Assert.Equal(MediaConnectionState.Connected, peer.ConnectionState);

        await room.DisposeAsync();
        Assert.Equal(0, plane.BoundAddresses == 0 ? 0 : await WaitUnboundAsync(plane, ct));
    }

    private static async Task<int> WaitUnboundAsync(MediaPlane plane, CancellationToken ct)
    {
        for (var i = 0; i < 50 && plane.BoundAddresses > 0; i++)
        {
            await Task.Delay(20, ct);
        }

        return plane.BoundAddresses;
    }

    private static async Task<string> ReadPageAsync()
    {
        await using var stream = typeof(ChromiumEchoTests).Assembly.GetManifestResourceStream("echo.html")!;
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }
}
