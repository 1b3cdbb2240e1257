using System.Globalization;

namespace Convene.E2E.Tests;

/// <summary>
/// Issue 4 acceptance in real browsers through the SDK (not the meeting app): pages join with moderator and speaker
/// tokens, see and hear each other through our SFU, see others join and leave, are kicked and ended with the
/// contract's reasons. One server and browser for the class; every test uses its own room.
/// </summary>
public sealed class SdkMeetingTests(SdkMeetingFixture fixture, ITestOutputHelper output) : IClassFixture<SdkMeetingFixture>
{
    private static readonly TimeSpan MediaTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(20);

    [Fact(Timeout = 60_000)]
    public async Task Moderator_and_speaker_see_and_hear_each_other_and_see_a_third_join_and_leave()
    {
        Assert.SkipUnless(Browser.IsAvailable, "Debian chromium is not installed");
        var ct = TestContext.Current.CancellationToken;
        var room = await fixture.Server.CreateRoomAsync("SDK meeting", cancellationToken: ct);
        var (moderator, _) = await fixture.JoinAsync(room.RoomId, room.ModeratorUrl, "Ada");
        var (speaker, _) = await fixture.JoinAsync(room.RoomId, room.SpeakerUrl, "Grace");
        var atModerator = await PeerConnectionStats.WaitForRemoteMediaAsync(moderator.Page, 1, MediaTimeout, TimeProvider.System, ct);
        var atSpeaker = await PeerConnectionStats.WaitForRemoteMediaAsync(speaker.Page, 1, MediaTimeout, TimeProvider.System, ct);

        output.WriteLine($"moderator page: {atModerator}");
        output.WriteLine($"speaker page: {atSpeaker}");
        Assert.True(atModerator.HasRemoteMedia(1), $"moderator page: {atModerator}");
        Assert.True(atSpeaker.HasRemoteMedia(1), $"speaker page: {atSpeaker}");
        Assert.Equal(1, await moderator.CountElementsAsync("audio[data-participant-id]"));
        Assert.Equal(1, await speaker.CountElementsAsync("audio[data-participant-id]"));
        if (await speaker.FirstFrameMsAsync() is { } firstFrame)
        {
            fixture.RecordJoinToFirstFrame(firstFrame);
        }

        var (third, thirdId) = await fixture.JoinAsync(room.RoomId, room.SpeakerUrl, "Linus");
        await moderator.AssertEventAsync($"participantJoined:{thirdId}", EventTimeout, ct);
        await speaker.AssertEventAsync($"participantJoined:{thirdId}", EventTimeout, ct);

        await third.LeaveAndCloseAsync();
        await moderator.AssertEventAsync($"participantLeft:{thirdId}:voluntary_leave", EventTimeout, ct);
        await speaker.AssertEventAsync($"participantLeft:{thirdId}:voluntary_leave", EventTimeout, ct);

        // The third page's media went away with it: one remote video and one remote audio left on each page.
        Assert.True(await SdkPage.EventuallyAsync(async () => await moderator.CountElementsAsync("video[data-participant-id]") == 1, EventTimeout, ct));
        Assert.Null(await moderator.LeftReasonAsync());
        await moderator.Page.Context.CloseAsync();
        await speaker.Page.Context.CloseAsync();
    }

    [Fact(Timeout = 60_000)]
    public async Task A_kicked_page_ends_with_participant_kicked_and_the_others_see_why()
    {
        Assert.SkipUnless(Browser.IsAvailable, "Debian chromium is not installed");
        var ct = TestContext.Current.CancellationToken;
        var room = await fixture.Server.CreateRoomAsync("SDK kick", cancellationToken: ct);
        var (moderator, _) = await fixture.JoinAsync(room.RoomId, room.ModeratorUrl, "Ada");
        var (speaker, _) = await fixture.JoinAsync(room.RoomId, room.SpeakerUrl, "Grace");
        var (kicked, kickedId) = await fixture.JoinAsync(room.RoomId, room.SpeakerUrl, "Mallory");

        await moderator.Page.EvaluateAsync("([roomId, id]) => window.sdkApi().kick(roomId, id, window.__sdk.token)", new object[] { room.RoomId, kickedId });

        Assert.True(await SdkPage.EventuallyAsync(async () => await kicked.LeftReasonAsync() is not null, EventTimeout, ct));
        Assert.Equal("participant_kicked", await kicked.LeftReasonAsync());
        await speaker.AssertEventAsync($"participantLeft:{kickedId}:participant_kicked", EventTimeout, ct);
        await moderator.AssertEventAsync($"participantLeft:{kickedId}:participant_kicked", EventTimeout, ct);
        Assert.Null(await moderator.LeftReasonAsync());
        Assert.Null(await speaker.LeftReasonAsync());
        await moderator.Page.Context.CloseAsync();
        await speaker.Page.Context.CloseAsync();
        await kicked.Page.Context.CloseAsync();
    }

    [Fact(Timeout = 60_000)]
    public async Task Ending_the_meeting_ends_every_page_with_the_right_reason()
    {
        Assert.SkipUnless(Browser.IsAvailable, "Debian chromium is not installed");
        var ct = TestContext.Current.CancellationToken;
        var room = await fixture.Server.CreateRoomAsync("SDK end", cancellationToken: ct);
        var (moderator, _) = await fixture.JoinAsync(room.RoomId, room.ModeratorUrl, "Ada");
        var (speaker, _) = await fixture.JoinAsync(room.RoomId, room.SpeakerUrl, "Grace");
        var (other, _) = await fixture.JoinAsync(room.RoomId, room.SpeakerUrl, "Linus");

        await moderator.Page.EvaluateAsync("(roomId) => window.sdkApi().endMeeting(roomId, window.__sdk.token)", room.RoomId);

        var pages = new[] { moderator, speaker, other };
        var ended = await SdkPage.EventuallyAsync(async () => (await Task.WhenAll(pages.Select(p => p.LeftReasonAsync()))).All(r => r is not null), EventTimeout, ct);
        Assert.True(ended, $"not every page left: {string.Join(", ", await Task.WhenAll(pages.Select(async p => $"{p.ParticipantId}={await p.LeftReasonAsync() ?? "(still in)"}")))}");
        Assert.Equal("meeting_ended_by_self", await moderator.LeftReasonAsync());
        Assert.Equal("meeting_ended", await speaker.LeftReasonAsync());
        Assert.Equal("meeting_ended", await other.LeftReasonAsync());
        foreach (var page in pages)
        {
            await page.Page.Context.CloseAsync();
        }
    }

    [Fact(Timeout = 120_000)]
    public async Task Join_to_first_remote_frame_is_measured_over_five_joins()
    {
        Assert.SkipUnless(Browser.IsAvailable, "Debian chromium is not installed");
        var ct = TestContext.Current.CancellationToken;
        var room = await fixture.Server.CreateRoomAsync("SDK join latency", cancellationToken: ct);
        var (host, _) = await fixture.JoinAsync(room.RoomId, room.ModeratorUrl, "Host");
        var framesDecoded = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            var started = TimeProvider.System.GetTimestamp();
            var (guest, _) = await fixture.JoinAsync(room.RoomId, room.SpeakerUrl, $"Guest {i}");
            if (!await SdkPage.EventuallyAsync(async () => await guest.FirstFrameMsAsync() is not null, MediaTimeout, ct))
            {
                Assert.Fail($"join {i}: no remote frame; {await PeerConnectionStats.ReadAsync(guest.Page)}; events {string.Join(", ", await guest.EventsAsync())}");
            }

            fixture.RecordJoinToFirstFrame((await guest.FirstFrameMsAsync())!.Value);
            framesDecoded.Add((await PeerConnectionStats.ReadAsync(guest.Page)).FramesDecoded);
            await guest.LeaveAndCloseAsync();
            output.WriteLine($"join {i}: {TimeProvider.System.GetElapsedTime(started).TotalMilliseconds:F0} ms for open+join+first frame+leave");
        }

        await host.Page.Context.CloseAsync();
        var samples = fixture.JoinToFirstFrameMs.Order().ToList();
        var summary = string.Create(
            CultureInfo.InvariantCulture,
            $"join→first remote frame over {samples.Count} joins: p50 {Percentile(samples, 0.50):F0} ms, p95 {Percentile(samples, 0.95):F0} ms, min {samples[0]:F0} ms, max {samples[^1]:F0} ms\n"
            + $"framesDecoded at each guest when its first frame was seen: {string.Join(", ", framesDecoded)}");
        output.WriteLine(summary);
        Directory.CreateDirectory(Browser.ArtifactsDirectory);
        await File.WriteAllTextAsync(Path.Combine(Browser.ArtifactsDirectory, "sdk-join-to-first-frame.txt"), summary + "\n", ct);
        Assert.True(samples.Count >= 5);
    }

    [Fact(Timeout = 60_000)]
    public async Task After_a_signalling_drop_the_SDK_reconnects_silently_and_media_resumes_both_ways()
    {
        Assert.SkipUnless(Browser.IsAvailable, "Debian chromium is not installed");
        var ct = TestContext.Current.CancellationToken;
        var room = await fixture.Server.CreateRoomAsync("SDK reconnect", cancellationToken: ct);
        var (moderator, moderatorId) = await fixture.JoinAsync(room.RoomId, room.ModeratorUrl, "Ada");
        var (speaker, _) = await fixture.JoinAsync(room.RoomId, room.SpeakerUrl, "Grace");
        Assert.True((await PeerConnectionStats.WaitForRemoteMediaAsync(moderator.Page, 1, MediaTimeout, TimeProvider.System, ct)).HasRemoteMedia(1));

        await moderator.DropSignallingAsync();

        await moderator.AssertEventAsync("connectionState:reconnecting", EventTimeout, ct);
        await moderator.AssertEventAsync("connectionState:connected", EventTimeout, ct);
        // Fresh peer connections on the reconnected page (the closed ones are not counted) decode the speaker again.
        var atModerator = await PeerConnectionStats.WaitForRemoteMediaAsync(moderator.Page, 1, MediaTimeout, TimeProvider.System, ct);
        Assert.True(atModerator.HasRemoteMedia(1), $"moderator after reconnect: {atModerator}");
        // The speaker decodes the moderator's republished tracks: its decoded-frame total keeps growing.
        var before = (await PeerConnectionStats.ReadAsync(speaker.Page)).FramesDecoded;
        Assert.True(
            await SdkPage.EventuallyAsync(async () => (await PeerConnectionStats.ReadAsync(speaker.Page)).FramesDecoded > before + 10, MediaTimeout, ct),
            $"speaker after the moderator reconnected: {await PeerConnectionStats.ReadAsync(speaker.Page)}");
        Assert.DoesNotContain(await speaker.EventsAsync(), e => e.StartsWith($"participantLeft:{moderatorId}", StringComparison.Ordinal));
        Assert.Null(await moderator.LeftReasonAsync());
        output.WriteLine($"moderator after reconnect: {atModerator}");
        await moderator.Page.Context.CloseAsync();
        await speaker.Page.Context.CloseAsync();
    }

    /// <summary>Nearest-rank percentile of an ascending list.</summary>
    private static double Percentile(List<double> ascending, double p)
    {
        var rank = (int)Math.Ceiling(p * ascending.Count);
        return ascending[Math.Clamp(rank - 1, 0, ascending.Count - 1)];
    }
}
