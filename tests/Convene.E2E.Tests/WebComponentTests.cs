using System.Text.Json;
using Microsoft.Playwright;

namespace Convene.E2E.Tests;

/// <summary>
/// <c>&lt;openvidu-meet&gt;</c> on a customer page of another origin (issue 7 acceptance): joined on join, forged messages
/// from a third origin ignored, a moderator's kickParticipant removes the other person, leaveRoom gives voluntary_leave.
/// </summary>
public sealed class WebComponentTests
{
    [Fact(Timeout = 180_000)]
    public async Task The_element_reports_joins_and_leaves_carries_commands_and_ignores_a_third_origin()
    {
        Assert.SkipUnless(Browser.IsAvailable, "Debian chromium is not installed");
        var ct = TestContext.Current.CancellationToken;
        await using var server = new ConveneServer();
        await using var host = await EmbeddingHost.StartAsync();
        var room = await server.CreateRoomAsync("Embedded meeting", cancellationToken: ct);
        var moderatorPage = host.AddMeetingPage("/moderator", server.BaseUrl, room.ModeratorUrl, "Mona");
        var speakerPage = host.AddMeetingPage("/speaker", server.BaseUrl, room.SpeakerUrl, "Sam");
        var forger = host.AddForgerPage("/forger");

        // The script is served with CORS * to any origin.
        using (var http = new HttpClient())
        {
            using var script = await http.GetAsync(new Uri(server.BaseUrl, "v1/openvidu-meet.js"), ct);
            Assert.True(script.IsSuccessStatusCode);
            Assert.Equal("*", script.Headers.GetValues("Access-Control-Allow-Origin").Single());
            Assert.StartsWith("text/javascript", script.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        }

        await using var browser = await Browser.LaunchAsync();
        var moderator = await OpenEmbeddedAsync(browser, server, host, moderatorPage);
        var speaker = await OpenEmbeddedAsync(browser, server, host, speakerPage);
        var moderatorJoined = await WaitForEventAsync(moderator, "joined", ct);
        var speakerJoined = await WaitForEventAsync(speaker, "joined", ct);
        Assert.Equal(room.RoomId, moderatorJoined.GetProperty("roomId").GetString());
        var speakerIdentity = speakerJoined.GetProperty("participantIdentity").GetString()!;
        Assert.False(string.IsNullOrEmpty(speakerIdentity));
        await Browser.ScreenshotAsync(moderator, "webcomponent-embedded-meeting");

        // A third origin forges events to the element and commands to the meeting: nothing happens.
        await moderator.EvaluateAsync("src => { const f = document.createElement('iframe'); f.src = src; f.id = 'forger'; document.body.append(f); }", forger.ToString());
        await Assertions.Expect(moderator.FrameLocator("#forger").Locator("body")).ToHaveTextAsync("forged");
        await Task.Delay(1500, ct);
        var events = await EventsAsync(moderator);
        Assert.Single(events, e => e.GetProperty("name").GetString() == "joined");
        Assert.DoesNotContain(events, e => e.GetProperty("name").GetString() == "left");
        await Assertions.Expect(MeetingFrame(moderator).Locator("main.meeting-body")).ToBeVisibleAsync();

        // The moderator's page kicks the speaker through the element.
        await moderator.EvaluateAsync("id => document.getElementById('meet').kickParticipant(id)", speakerIdentity);
        var kicked = await WaitForEventAsync(speaker, "left", ct);
        Assert.Equal("participant_kicked", kicked.GetProperty("reason").GetString());
        await Assertions.Expect(MeetingFrame(speaker).Locator("#end-title")).ToHaveTextAsync("Kicked from Meeting");

        // leaveRoom() → left with voluntary_leave; the end view's button → closed.
        await moderator.EvaluateAsync("() => document.getElementById('meet').leaveRoom()");
        var left = await WaitForEventAsync(moderator, "left", ct);
        Assert.Equal("voluntary_leave", left.GetProperty("reason").GetString());
        Assert.Equal(room.RoomId, left.GetProperty("roomId").GetString());
        await MeetingFrame(moderator).Locator("#back-btn").ClickAsync();
        await WaitForEventAsync(moderator, "closed", ct);
        await Browser.ScreenshotAsync(moderator, "webcomponent-after-leave");
    }

    private static IFrameLocator MeetingFrame(IPage page) => page.FrameLocator("openvidu-meet iframe");

    private static async Task<IPage> OpenEmbeddedAsync(Browser browser, ConveneServer server, EmbeddingHost host, Uri page)
    {
        var tab = await browser.NewPageAsync(server.BaseUrl);
        await tab.Context.GrantPermissionsAsync(["camera", "microphone"], new BrowserContextGrantPermissionsOptions { Origin = host.BaseUrl.GetLeftPart(UriPartial.Authority) });
        await tab.GotoAsync(page.ToString());
        var frame = MeetingFrame(tab);
        await frame.Locator("#participant-name-submit").ClickAsync(new LocatorClickOptions { Timeout = 20_000 });
        await frame.Locator("#join-button").ClickAsync(new LocatorClickOptions { Timeout = 20_000 });
        await frame.Locator("main.meeting-body").WaitForAsync(new LocatorWaitForOptions { Timeout = 20_000 });
        return tab;
    }

    private static async Task<JsonElement[]> EventsAsync(IPage page)
    {
        var json = await page.EvaluateAsync<string>("() => JSON.stringify(window.meetEvents)");
        using var doc = JsonDocument.Parse(json);
        return [.. doc.RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    /// <summary>The detail of the first recorded event of that name, waiting up to 15 s.</summary>
    private static async Task<JsonElement> WaitForEventAsync(IPage page, string name, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 60; attempt++)
        {
            var match = (await EventsAsync(page)).FirstOrDefault(e => e.GetProperty("name").GetString() == name);
            if (match.ValueKind == JsonValueKind.Object)
            {
                return match.GetProperty("detail");
            }

            await Task.Delay(250, ct);
        }

        throw new TimeoutException($"No '{name}' event from <openvidu-meet> within 15 s; got {JsonSerializer.Serialize(await EventsAsync(page))}");
    }
}
