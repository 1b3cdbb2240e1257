using System.Globalization;
using System.IO.Compression;
using System.Net.Http.Json;
using Microsoft.Playwright;

namespace Convene.E2E.Tests;

/// <summary>
/// The meeting app through the eyes of its users (issue 5): one meeting walks through join, device check, video both
/// ways, chat, screen share, raised hand (and the moderator lowering it), reactions, a network drop and reconnection,
/// joining by keyboard only, kick and "end meeting for all"; a second test opens the error
/// views. Every view is saved under <c>artifacts/screenshots/meeting-*.png</c>.
/// </summary>
public sealed class MeetingUiTests
{
    private static readonly TimeSpan MediaTimeout = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Lets a test cut a page's signalling like a network drop: while <c>__conveneOffline</c> is set, new sockets go to
    /// a closed loopback port; the test closes the open ones itself and reports 1006 to the app, as a browser does when the
    /// network goes away (a close the page itself starts would be answered 1000 and read as final).
    /// </summary>
    private const string SocketControlScript = """
        (() => {
          const Native = window.WebSocket;
          if (!Native || window.__conveneSockets) return;
          window.__conveneSockets = [];
          window.__conveneOffline = false;
          window.WebSocket = function (url, protocols) {
            const ws = new Native(window.__conveneOffline ? 'ws://127.0.0.1:9/' : url, protocols);
            window.__conveneSockets.push(ws);
            return ws;
          };
          window.WebSocket.prototype = Native.prototype;
          Object.setPrototypeOf(window.WebSocket, Native);
        })();
        """;

    [Fact(Timeout = 300_000)]
    public async Task A_meeting_from_join_to_end_for_all_through_the_ui()
    {
        Assert.SkipUnless(Browser.IsAvailable, "Debian chromium is not installed");
        var ct = TestContext.Current.CancellationToken;
        var output = TestContext.Current.TestOutputHelper;
        await using var server = new ConveneServer();
        var room = await server.CreateRoomAsync("Design review", cancellationToken: ct);
        await using var browser = await Browser.LaunchAsync();
        var ada = await browser.NewPageAsync(server.BaseUrl);
        var grace = await browser.NewPageAsync(server.BaseUrl);
        await grace.Context.AddInitScriptAsync(SocketControlScript);
        var pageErrors = new List<string>();
        ada.PageError += (_, e) => pageErrors.Add("moderator: " + e);
        grace.PageError += (_, e) => pageErrors.Add("speaker: " + e);
        var joinToFirstFrame = new List<TimeSpan>();

        // Moderator: lobby → device view → alone in the meeting.
        await ada.GotoAsync(room.ModeratorUrl.ToString());
        await Assertions.Expect(ada.Locator("h1.room-title")).ToHaveTextAsync("Design review");
        await Browser.ScreenshotAsync(ada, "meeting-01-lobby");
        await ada.Locator("#participant-name-input").FillAsync("Ada");
        await ada.Locator("#participant-name-submit").ClickAsync();
        await Assertions.Expect(ada.Locator("#join-button")).ToBeEnabledAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(ada.Locator(".preview video")).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(ada, "meeting-02-device-view");
        await ada.Locator("#join-button").ClickAsync();
        await Assertions.Expect(ada.Locator(".alone-overlay")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Browser.ScreenshotAsync(ada, "meeting-03-alone");
        var meetingRouteJs = await GzippedScriptBytesAsync(ada, server, ct);
        Assert.True(meetingRouteJs <= 300 * 1024, $"the meeting route loads {meetingRouteJs} bytes of gzipped JavaScript (budget 300 KB)");

        // Speaker joins: both decode each other's video (and play audio).
        var graceJoined = await JoinAsync(grace, room.SpeakerUrl, "Grace");
        var atGrace = await WaitForVideoAsync(grace, 1, ct);
        joinToFirstFrame.Add(TimeProvider.System.GetElapsedTime(graceJoined));
        var atAda = await WaitForVideoAsync(ada, 1, ct);
        joinToFirstFrame.Add(TimeProvider.System.GetElapsedTime(graceJoined));
        Assert.True(atGrace.FramesDecoded > 0, $"speaker decodes no video: {atGrace}");
        Assert.True(atAda.FramesDecoded > 0, $"moderator decodes no video: {atAda}");
        var audioAtGrace = await PeerConnectionStats.WaitForRemoteMediaAsync(grace, 1, MediaTimeout, TimeProvider.System, ct);
        var audioAtAda = await PeerConnectionStats.WaitForRemoteMediaAsync(ada, 1, MediaTimeout, TimeProvider.System, ct);
        Assert.True(audioAtGrace.TotalSamplesReceived > 0, $"speaker plays no audio: {audioAtGrace}");
        Assert.True(audioAtAda.TotalSamplesReceived > 0, $"moderator plays no audio: {audioAtAda}");
        await Assertions.Expect(ada.Locator("figure.tile[data-kind=camera]")).ToHaveCountAsync(2);
        await Assertions.Expect(ada.Locator("figure.tile[aria-label=Grace] video")).ToBeVisibleAsync();
        await Assertions.Expect(ada.Locator("figure.tile[aria-label=Grace] .tile-quality")).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("connection$", System.Text.RegularExpressions.RegexOptions.IgnoreCase), new() { Timeout = 10_000 });
        Assert.Equal(0, await ada.EvaluateAsync<int>("() => [...document.querySelectorAll('button')].filter(b => !(b.getAttribute('aria-label') || b.textContent.trim())).length"));
        await Browser.ScreenshotAsync(ada, "meeting-04-two-people-moderator");

        // Chat: the message arrives with an unread badge.
        await grace.Locator("button[title=Chat]").ClickAsync();
        await grace.Locator("#chat-input").FillAsync("Hello from Grace");
        await grace.Locator("#chat-input").PressAsync("Enter");
        await Assertions.Expect(ada.Locator("button[aria-label='Chat (1)'] .count-badge")).ToHaveTextAsync("1");
        await Browser.ScreenshotAsync(ada, "meeting-05-unread-badge");
        await ada.Locator("button[title=Chat]").ClickAsync();
        await Assertions.Expect(ada.Locator(".chat-msg .chat-text")).ToHaveTextAsync("Hello from Grace");
        await Browser.ScreenshotAsync(grace, "meeting-06-chat-speaker");
        await ada.Locator("button[title=Chat]").ClickAsync();
        await grace.Locator("button[title=Chat]").ClickAsync();

        // Screen share: the moderator sees the speaker's screen featured, with decoded pixels.
        await grace.Locator("button[title='Share screen']").ClickAsync();
        var screen = ada.Locator(".featured figure.tile[data-kind=screen] video");
        await Assertions.Expect(screen).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await WaitForVideoAsync(ada, 2, ct);
        await Assertions.Expect(ada.Locator(".featured figure.tile[data-kind=screen]")).ToHaveAttributeAsync("aria-label", "Grace is presenting");
        Assert.True(await WaitForVideoWidthAsync(screen, ct) > 0, "the shared screen never rendered a frame");
        await Browser.ScreenshotAsync(ada, "meeting-07-screen-share");
        await grace.Locator("button[title='Stop sharing']").ClickAsync();
        await grace.Locator("[role=menu] >> text=Stop sharing").ClickAsync();
        await Assertions.Expect(ada.Locator("figure.tile[data-kind=screen]")).ToHaveCountAsync(0, new() { Timeout = 10_000 });

        // Raised hand and a reaction show for the moderator; the hand queue lists the speaker.
        await grace.Locator("button[title='Raise hand']").ClickAsync();
        await Assertions.Expect(ada.Locator("figure.tile[aria-label=Grace] .tile-hand")).ToBeVisibleAsync();
        await grace.Locator("button[title='Send a reaction']").ClickAsync();
        await grace.Locator("[role=menu] button[aria-label='🎉']").ClickAsync();
        await Assertions.Expect(ada.Locator(".reaction .reaction-emoji")).ToHaveTextAsync("🎉");
        await Browser.ScreenshotAsync(ada, "meeting-08-hand-and-reaction");
        await ada.Locator("button[title=Participants]").ClickAsync();
        await Assertions.Expect(ada.Locator(".hand-queue .person-name")).ToHaveTextAsync("Grace");
        await Browser.ScreenshotAsync(ada, "meeting-09-participants-hand-queue");
        await ada.Locator("button[aria-label='Lower Grace’s hand']").ClickAsync();
        await Assertions.Expect(grace.Locator("button[title='Raise hand']")).ToHaveAttributeAsync("aria-pressed", "false");
        await Assertions.Expect(ada.Locator(".hand-queue")).ToHaveCountAsync(0);

        // The speaker's meeting on a phone.
        await grace.SetViewportSizeAsync(390, 844);
        await Assertions.Expect(grace.Locator("figure.tile[aria-label=Ada] video")).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(grace, "meeting-10-phone-speaker");

        // Network loss: the speaker sees the banner, reconnects on her own and gets video again on fresh peer connections.
        await grace.EvaluateAsync("() => { window.__conveneOffline = true; window.__conveneSockets.forEach(s => { const dropped = s.onclose; s.onclose = s.onmessage = s.onerror = null; s.close(4000, 'e2e network drop'); dropped?.call(s, new CloseEvent('close', { code: 1006 })); }); }");
        await Assertions.Expect(grace.Locator(".banner-warning")).ToHaveTextAsync("Connection lost. Reconnecting…");
        await Browser.ScreenshotAsync(grace, "meeting-10b-phone-reconnecting");
        await grace.EvaluateAsync("() => { window.__conveneOffline = false; }");
        await Assertions.Expect(grace.Locator(".banner-ok")).ToHaveTextAsync("Reconnected", new() { Timeout = 15_000 });
        await WaitForVideoAsync(grace, 1, ct);
        await Assertions.Expect(ada.Locator("figure.tile[data-kind=camera]")).ToHaveCountAsync(2);

        // A second speaker, then the moderator removes Grace: she lands on the end view with the kick reason.
        var linus = await browser.NewPageAsync(server.BaseUrl);
        linus.PageError += (_, e) => pageErrors.Add("second speaker: " + e);
        var linusJoined = await JoinWithKeyboardAsync(linus, room.SpeakerUrl, "Linus");
        await WaitForVideoAsync(linus, 1, ct);
        joinToFirstFrame.Add(TimeProvider.System.GetElapsedTime(linusJoined));
        await WaitForVideoAsync(linus, 2, ct);
        await ada.Locator("button[aria-label='Remove from meeting: Grace']").ClickAsync();
        await grace.WaitForURLAsync("**/disconnected?reason=participant_kicked", new() { Timeout = 30_000 });
        await Assertions.Expect(grace.Locator("#end-title")).ToHaveTextAsync("Kicked from Meeting");
        await Assertions.Expect(grace.Locator("#back-btn")).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(grace, "meeting-11-kicked-phone");
        await Assertions.Expect(ada.Locator("figure.tile[data-kind=camera]")).ToHaveCountAsync(2);

        // End meeting for all: the moderator and the remaining speaker see the meeting-ended view.
        await ada.Locator("button[title=Leave]").ClickAsync();
        await Browser.ScreenshotAsync(ada, "meeting-12-leave-menu");
        await ada.Locator("#end-meeting-option").ClickAsync();
        await ada.WaitForURLAsync("**/disconnected?reason=meeting_ended_by_self", new() { Timeout = 30_000 });
        await Assertions.Expect(ada.Locator("#end-title")).ToHaveTextAsync("Meeting Ended");
        await Browser.ScreenshotAsync(ada, "meeting-13-ended-by-self");
        await linus.WaitForURLAsync("**/disconnected?reason=meeting_ended", new() { Timeout = 30_000 });
        await Assertions.Expect(linus.Locator(".end-card p")).ToHaveTextAsync("The meeting was ended by a moderator");
        await Browser.ScreenshotAsync(linus, "meeting-14-ended-by-moderator");

        Assert.Empty(pageErrors);
        joinToFirstFrame.Sort();
        var p50 = joinToFirstFrame[joinToFirstFrame.Count / 2];
        output?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"JavaScript loaded by the meeting route: {meetingRouteJs / 1024.0:F1} KB gzipped"));
        output?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"join→first remote frame: p50 {p50.TotalMilliseconds:F0} ms over {joinToFirstFrame.Count} ({string.Join(", ", joinToFirstFrame.Select(t => t.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture)))} ms)"));
    }

    [Fact(Timeout = 90_000)]
    public async Task Wrong_secret_deleted_room_and_closed_room_show_their_views()
    {
        Assert.SkipUnless(Browser.IsAvailable, "Debian chromium is not installed");
        var ct = TestContext.Current.CancellationToken;
        await using var server = new ConveneServer();
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync(server.BaseUrl);

        var room = await server.CreateRoomAsync("Secret room", cancellationToken: ct);
        var wrong = new UriBuilder(room.SpeakerUrl) { Query = "secret=not-the-secret" }.Uri;
        await page.GotoAsync(wrong.ToString());
        await page.WaitForURLAsync("**/error?reason=invalid-room-secret", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("#error-title")).ToHaveTextAsync("Invalid link");
        await Browser.ScreenshotAsync(page, "meeting-error-invalid-secret");

        var deleted = await server.CreateRoomAsync("Deleted room", cancellationToken: ct);
        using (var api = server.Api())
        {
            using var response = await api.DeleteAsync(new Uri($"api/v1/rooms/{deleted.RoomId}", UriKind.Relative), ct);
            Assert.True(response.IsSuccessStatusCode, $"delete answered {(int)response.StatusCode}");
        }

        await page.GotoAsync(deleted.SpeakerUrl.ToString());
        await page.WaitForURLAsync("**/error?reason=invalid-room", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("#error-title")).ToHaveTextAsync("Invalid room");
        await Browser.ScreenshotAsync(page, "meeting-error-deleted-room");

        var closed = await server.CreateRoomAsync("Closed room", cancellationToken: ct);
        using (var api = server.Api())
        {
            using var response = await api.PutAsJsonAsync($"api/v1/rooms/{closed.RoomId}/status", new { status = "closed" }, ct);
            Assert.True(response.IsSuccessStatusCode, $"closing answered {(int)response.StatusCode}");
        }

        await page.GotoAsync(closed.SpeakerUrl.ToString());
        await Assertions.Expect(page.Locator("#closed-title")).ToHaveTextAsync("Room Closed", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("#participant-name-submit")).ToHaveCountAsync(0);
        await Browser.ScreenshotAsync(page, "meeting-error-closed-room");

        // Lobby and device view on a phone.
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync(room.SpeakerUrl.ToString());
        await Assertions.Expect(page.Locator("#participant-name-submit")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Browser.ScreenshotAsync(page, "meeting-phone-lobby");
        await page.Locator("#participant-name-input").FillAsync("Margaret");
        await page.Locator("#participant-name-submit").ClickAsync();
        await Assertions.Expect(page.Locator("#join-button")).ToBeEnabledAsync(new() { Timeout = 15_000 });
        await Browser.ScreenshotAsync(page, "meeting-phone-device-view");

        // The other end views, as the app shows them after a network loss or an unknown reason.
        await page.GotoAsync(new Uri(server.BaseUrl, "disconnected?reason=network_disconnect").ToString());
        await Assertions.Expect(page.Locator("#end-title")).ToHaveTextAsync("Disconnected from Meeting");
        await Browser.ScreenshotAsync(page, "meeting-end-network-disconnect");
    }

    /// <summary>Room link → name → device view (waits until the devices are ready) → join; returns when the join was clicked.</summary>
    private static async Task<long> JoinAsync(IPage page, Uri roomLink, string name)
    {
        await page.GotoAsync(roomLink.ToString());
        await page.Locator("#participant-name-input").FillAsync(name);
        await page.Locator("#participant-name-submit").ClickAsync();
        await Assertions.Expect(page.Locator("#join-button")).ToBeEnabledAsync(new() { Timeout = 15_000 });
        var clicked = TimeProvider.System.GetTimestamp();
        await page.Locator("#join-button").ClickAsync();
        await page.Locator("main.meeting-body").WaitForAsync(new LocatorWaitForOptions { Timeout = 20_000 });
        return clicked;
    }

    /// <summary>Every script the page has loaded so far, fetched again from the server and gzipped (level 9 as a CDN would) — the bytes a first visit costs.</summary>
    private static async Task<long> GzippedScriptBytesAsync(IPage page, ConveneServer server, CancellationToken cancellationToken)
    {
        var urls = await page.EvaluateAsync<string[]>("() => performance.getEntriesByType('resource').map(e => e.name).filter(n => new URL(n).pathname.endsWith('.js'))");
        Assert.NotEmpty(urls);
        using var http = server.Api();
        long total = 0;
        foreach (var url in urls.Distinct(StringComparer.Ordinal))
        {
            var body = await http.GetByteArrayAsync(new Uri(url), cancellationToken);
            using var compressed = new MemoryStream();
            await using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                await gzip.WriteAsync(body, cancellationToken);
            }

            total += compressed.Length;
        }

        return total;
    }

    /// <summary>Same as <see cref="JoinAsync"/> with the keyboard only: type the name, Enter, Tab to the join button, Enter.</summary>
    private static async Task<long> JoinWithKeyboardAsync(IPage page, Uri roomLink, string name)
    {
        await page.GotoAsync(roomLink.ToString());
        await Assertions.Expect(page.Locator("#participant-name-input")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(name);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#join-button")).ToBeEnabledAsync(new() { Timeout = 15_000 });
        for (var i = 0; i < 30 && !await page.Locator("#join-button").EvaluateAsync<bool>("b => b === document.activeElement"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        await Assertions.Expect(page.Locator("#join-button")).ToBeFocusedAsync();
        var pressed = TimeProvider.System.GetTimestamp();
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("main.meeting-body").WaitForAsync(new LocatorWaitForOptions { Timeout = 20_000 });
        return pressed;
    }

    /// <summary>Polls (250 ms, bounded by <see cref="MediaTimeout"/>) until the page decodes video from <paramref name="streams"/> inbound streams.</summary>
    private static async Task<InboundTotals> WaitForVideoAsync(IPage page, int streams, CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        var totals = await PeerConnectionStats.ReadAsync(page);
        while (!(totals.FramesDecoded > 0 && totals.VideoInbound >= streams) && TimeProvider.System.GetElapsedTime(started) < MediaTimeout)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), TimeProvider.System, cancellationToken);
            totals = await PeerConnectionStats.ReadAsync(page);
        }

        Assert.True(totals.FramesDecoded > 0 && totals.VideoInbound >= streams, $"no video from {streams} stream(s) within {MediaTimeout}: {totals}");
        return totals;
    }

    private static async Task<int> WaitForVideoWidthAsync(ILocator video, CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        var width = 0;
        while (width == 0 && TimeProvider.System.GetElapsedTime(started) < MediaTimeout)
        {
            width = await video.EvaluateAsync<int>("v => v.videoWidth");
            if (width == 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), TimeProvider.System, cancellationToken);
            }
        }

        return width;
    }
}
