using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Convene.E2E.Tests;

/// <summary>Issue 6 acceptance: two people meet through the app, the moderator records 10 s, and the result is real.</summary>
public sealed class RecordingE2ETests
{
    private static readonly TimeSpan RecordFor = TimeSpan.FromSeconds(10);

    [Fact(Timeout = 240_000)]
    public async Task Moderator_records_ten_seconds_of_two_people_and_gets_a_playable_composite_tracks_ranges_and_views()
    {
        Assert.SkipUnless(Browser.IsAvailable, "Debian chromium is not installed");
        Assert.SkipUnless(RecordingProbe.IsAvailable, "Debian ffmpeg is not installed");
        var ct = TestContext.Current.CancellationToken;
        await using var server = new ConveneServer();
        var room = await server.CreateRoomAsync("Recorded meeting", new { recording = new { enabled = true, allowAccessTo = "admin_moderator_speaker" } }, ct);
        using var api = server.Api();
        await using var browser = await Browser.LaunchAsync();
        var moderator = await browser.NewPageAsync(server.BaseUrl);
        var speaker = await browser.NewPageAsync(server.BaseUrl);
        await MeetingUi.JoinAsync(moderator, room.ModeratorUrl, "Ada");
        await MeetingUi.JoinAsync(speaker, room.SpeakerUrl, "Grace");
        _ = await PeerConnectionStats.WaitForRemoteMediaAsync(moderator, 1, TimeSpan.FromSeconds(15), TimeProvider.System, ct);

        // Only the moderator may record; the speaker's menu has no recording item.
        await speaker.GetByRole(AriaRole.Button, new() { Name = "More options" }).ClickAsync();
        Assert.Equal(0, await speaker.GetByRole(AriaRole.Menuitem, new() { Name = "Start recording" }).CountAsync());
        await speaker.Keyboard.PressAsync("Escape");

        await ChooseAsync(moderator, "Start recording");
        var badge = new LocatorAssertionsToBeVisibleOptions { Timeout = 10_000 };
        await Assertions.Expect(moderator.Locator(".rec-badge")).ToBeVisibleAsync(badge);
        await Assertions.Expect(speaker.Locator(".rec-badge")).ToBeVisibleAsync(badge); // recordingStatus reached the speaker
        _ = await WaitForStatusAsync(api, room.RoomId, "active", TimeSpan.FromSeconds(15), ct);
        var startedAt = TimeProvider.System.GetTimestamp();
        await Browser.ScreenshotAsync(speaker, "recording-speaker-sees-rec");
        await Task.Delay(RecordFor - TimeProvider.System.GetElapsedTime(startedAt), TimeProvider.System, ct);
        var stopClickedAfter = TimeProvider.System.GetElapsedTime(startedAt).TotalSeconds;
        await ChooseAsync(moderator, "Stop recording");
        await Assertions.Expect(speaker.Locator(".rec-badge")).ToBeHiddenAsync(new() { Timeout = 10_000 });
        var stopSeenAfter = TimeProvider.System.GetElapsedTime(startedAt).TotalSeconds;

        var recording = await WaitForStatusAsync(api, room.RoomId, "complete", TimeSpan.FromSeconds(120), ct);
        var recordingId = recording.GetProperty("recordingId").GetString()!;

        // The composite: H.264 1280×720 + AAC, as long as the time between start and stop (10 s when the machine keeps up;
        // the stop goes through the UI, so on a loaded machine it lands between the click and the badge going away),
        // ± 1.5 s; no black span over 1 s.
        var bytes = await api.GetByteArrayAsync($"api/v1/recordings/{Uri.EscapeDataString(recordingId)}/media", ct);
        var file = Path.Combine(server.DataDirectory, "e2e-composite.mp4");
        await File.WriteAllBytesAsync(file, bytes, ct);
        var probe = await RecordingProbe.ProbeAsync(file, ct);
        Assert.Contains(probe.Streams, s => s is { Type: "video", Codec: "h264", Width: 1280, Height: 720 });
        Assert.Contains(probe.Streams, s => s is { Type: "audio", Codec: "aac" });
        Assert.True(
            probe.Duration >= stopClickedAfter - 1.5 && probe.Duration <= stopSeenAfter + 1.5,
            $"composite {probe} outside [{stopClickedAfter - 1.5:F2}, {stopSeenAfter + 1.5:F2}] s; recording {recording}");
        var blackSpans = await RecordingProbe.BlackSpansAsync(file, 1.0, ct);

        // Per-track files: both people's audio and video, each downloadable.
        var tracks = await api.GetFromJsonAsync<JsonElement>($"api/v1/recordings/{Uri.EscapeDataString(recordingId)}/tracks", ct);
        var list = (tracks.ValueKind == JsonValueKind.Array ? tracks : tracks.GetProperty("tracks")).EnumerateArray().ToList();
        Assert.Equal(2, list.Count(t => t.GetProperty("kind").GetString() == "audio"));
        var videoTracks = list.Count(t => t.GetProperty("kind").GetString() == "video");
        foreach (var track in list)
        {
            var name = track.GetProperty("fileName").GetString()!;
            var trackBytes = await api.GetByteArrayAsync($"api/v1/recordings/{Uri.EscapeDataString(recordingId)}/tracks/{Uri.EscapeDataString(name)}", ct);
            Assert.True(trackBytes.Length > 1000, $"{name}: {trackBytes.Length} bytes");
        }

        await AssertRangesAsync(api, recordingId, bytes, ct);
        await AssertViewsAsync(moderator, api, room, recordingId, ct);

        // Video last, so everything above is checked even while the browsers' video does not reach the SFU.
        Assert.Equal(2, videoTracks);
        Assert.True(blackSpans.Count == 0, $"all-black spans over 1 s in the composite: {string.Join(", ", blackSpans)} (duration {probe.Duration:F2} s)");
    }

    private static async Task ChooseAsync(IPage page, string item)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "More options" }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = item }).ClickAsync();
    }

    private static async Task<JsonElement> WaitForStatusAsync(HttpClient api, string roomId, string status, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = TimeProvider.System.GetTimestamp() + (long)(timeout.TotalSeconds * TimeProvider.System.TimestampFrequency);
        JsonElement last = default;
        for (var attempt = 0; attempt < 400 && TimeProvider.System.GetTimestamp() < deadline; attempt++)
        {
            var page = await api.GetFromJsonAsync<JsonElement>($"api/v1/recordings?roomId={Uri.EscapeDataString(roomId)}", ct);
            // recordingStatus reaches the browsers only once the row is saved, so the row is there from the first poll.
            last = Assert.Single(page.GetProperty("recordings").EnumerateArray().ToList());
            var current = last.GetProperty("status").GetString();
            if (current == status)
            {
                return last;
            }

            Assert.True(current is "starting" or "active" or "ending", $"recording ended as {last}");
            await Task.Delay(TimeSpan.FromMilliseconds(250), TimeProvider.System, ct);
        }

        Assert.Fail($"recording not {status} within {timeout}: {last}");
        return last;
    }

    private static async Task AssertRangesAsync(HttpClient api, string recordingId, byte[] whole, CancellationToken ct)
    {
        var media = $"api/v1/recordings/{Uri.EscapeDataString(recordingId)}/media";
        long from = whole.Length / 2, to = from + 4095;
        using (var request = new HttpRequestMessage(HttpMethod.Get, media))
        {
            request.Headers.Range = new RangeHeaderValue(from, to);
            using var response = await api.SendAsync(request, ct);
            Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
            Assert.Equal($"bytes {from}-{to}/{whole.Length}", response.Content.Headers.ContentRange?.ToString());
            Assert.Equal(whole.AsSpan((int)from, 4096).ToArray(), await response.Content.ReadAsByteArrayAsync(ct));
        }

        using (var request = new HttpRequestMessage(HttpMethod.Get, media))
        {
            request.Headers.Range = new RangeHeaderValue(whole.Length + 10, null);
            using var response = await api.SendAsync(request, ct);
            Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, response.StatusCode);
        }
    }

    private static async Task AssertViewsAsync(IPage page, HttpClient api, TestRoom room, string recordingId, CancellationToken ct)
    {
        // The room's recordings page, reached with the moderator's room secret.
        await page.GotoAsync(new Uri(room.ModeratorUrl, $"/room/{Uri.EscapeDataString(room.RoomId)}/recordings{room.ModeratorUrl.Query}").ToString());
        var item = page.Locator(".rec-item");
        await Assertions.Expect(item).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        await Assertions.Expect(item).ToContainTextAsync("complete");

        // Status filter hides it under "failed", shows it again under "complete".
        await page.Locator("#rec-status-filter").SelectOptionAsync("failed");
        await Assertions.Expect(item).ToHaveCountAsync(0);
        await page.Locator("#rec-status-filter").SelectOptionAsync("complete");
        await Assertions.Expect(item).ToHaveCountAsync(1);

        // Multi-select offers the ZIP of the chosen recordings; the link really answers a ZIP.
        await page.Locator("#rec-select-all").CheckAsync();
        var zipHref = await page.Locator("#rec-download-zip").GetAttributeAsync("href");
        Assert.NotNull(zipHref);
        Assert.Contains(Uri.EscapeDataString(recordingId), zipHref, StringComparison.Ordinal);
        var zip = await page.APIRequest.GetAsync(new Uri(new Uri(page.Url), zipHref).ToString());
        Assert.Equal(200, zip.Status);
        var zipBody = await zip.BodyAsync();
        Assert.True(zipBody.Length > 1000 && zipBody[0] == (byte)'P' && zipBody[1] == (byte)'K', $"ZIP of {zipBody.Length} bytes");

        // Share link and inline player.
        await item.Locator(".rec-share").ClickAsync();
        await Assertions.Expect(item.Locator(".rec-share-url input")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("/recording/.+secret="));
        await item.Locator(".rec-play").ClickAsync();
        await Assertions.Expect(item.Locator("video.player")).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(page, "recording-room-recordings");

        // The share link opens the viewer; the player loads the MP4 and seeks.
        var url = await api.GetFromJsonAsync<JsonElement>($"api/v1/recordings/{Uri.EscapeDataString(recordingId)}/url", ct);
        await page.GotoAsync(url.GetProperty("url").GetString()!);
        var video = page.Locator("video.player");
        await Assertions.Expect(video).ToBeVisibleAsync(new() { Timeout = 15_000 });
        var seeked = await video.EvaluateAsync<double>(
            """
            v => new Promise((resolve, reject) => {
              const seek = () => { v.addEventListener('seeked', () => resolve(v.currentTime), { once: true }); v.currentTime = 5; };
              if (v.readyState >= 1) seek(); else v.addEventListener('loadedmetadata', seek, { once: true });
              v.addEventListener('error', () => reject(new Error('media error ' + (v.error && v.error.code))), { once: true });
              setTimeout(() => reject(new Error('no seek within 15 s')), 15000);
            })
            """);
        Assert.InRange(seeked, 4.5, 5.5);
        await Browser.ScreenshotAsync(page, "recording-viewer");

        // Back on the room page the moderator deletes it (confirm dialog accepted); the list is empty and so is the API.
        await page.GotoAsync(new Uri(room.ModeratorUrl, $"/room/{Uri.EscapeDataString(room.RoomId)}/recordings{room.ModeratorUrl.Query}").ToString());
        page.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
        await page.Locator(".rec-item .rec-delete").ClickAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator(".rec-item")).ToHaveCountAsync(0, new() { Timeout = 10_000 });
        using var gone = await api.GetAsync($"api/v1/recordings/{Uri.EscapeDataString(recordingId)}", ct);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }
}
