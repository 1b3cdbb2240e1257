using Convene.Recording.Composite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Convene.Recording.Tests;

public sealed class RecorderTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Room_recorder_writes_one_playable_file_per_track_and_a_manifest_with_offsets()
    {
        var dir = MediaFixtures.NewDirectory();
        var room = new FakeRoom("r1");
        var video = SyntheticMeeting.VideoTrack("TR_video", "alice");
        var audio = SyntheticMeeting.AudioTrack("TR_audio", "alice");
        room.Publish(video);
        var meeting = new SyntheticMeeting(_time);
        meeting.Video(video, await MediaFixtures.Vp8FramesAsync(dir, 3), 0, 1);
        meeting.At(500, () => room.Publish(audio));
        meeting.Audio(audio, await MediaFixtures.OpusPacketsAsync(dir, 2), 500, 2);

        await using var recorder = new RoomRecorder(room, Path.Combine(dir, "out"), "r1--abc", _time, NullLogger.Instance);
        recorder.Start();
        meeting.Play(3000);
        await recorder.FirstMedia.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        var (tracks, durationMs) = await recorder.StopAsync();

        Assert.Equal(3000, durationMs);
        Assert.Equal(2, tracks.Count);
        var v = Assert.Single(tracks, t => t.IsVideo);
        var a = Assert.Single(tracks, t => !t.IsVideo);
        Assert.Equal((640, 360, 0L), (v.Width, v.Height, v.StartOffsetMs!.Value));
        Assert.Equal(500, a.StartOffsetMs);
        Assert.Equal("alice", a.ParticipantId);
        Assert.Equal(90, v.Frames);
        Assert.InRange(a.Frames, 100, 101); // libopus may add one padding packet
        var manifest = RoomRecorder.ReadManifest(recorder.ManifestPath);
        Assert.NotNull(manifest);
        Assert.Equal(tracks.Select(t => t.FileName), manifest.Select(t => t.FileName));

        foreach (var track in tracks)
        {
            var file = Path.Combine(dir, "out", track.FileName);
            var probe = await MediaFixtures.ProbeAsync(file);
            Assert.InRange(MediaFixtures.Duration(probe), track.IsVideo ? 2.9 : 1.9, track.IsVideo ? 3.1 : 2.1);
            Assert.Equal(string.Empty, (await MediaFixtures.RunAsync("ffmpeg", "-v", "error", "-i", file, "-f", "null", "-")).Trim());
        }
    }

    [Fact]
    public async Task Lost_packet_drops_frames_until_the_next_keyframe_and_reattaches_to_ask_for_one()
    {
        var dir = MediaFixtures.NewDirectory();
        var room = new FakeRoom("r2");
        var video = SyntheticMeeting.VideoTrack("TR_v", "bob");
        room.Publish(video);
        var meeting = new SyntheticMeeting(_time);
        var frames = await MediaFixtures.Vp8FramesAsync(dir, 4); // keyframes at frame 0 and 60
        meeting.Video(video, frames, 0, 9, dropPacket: i => i == 40);
        await using var recorder = new RoomRecorder(room, dir, "r2--x", _time, NullLogger.Instance);
        recorder.Start();
        Assert.Equal(1, video.Attaches);
        meeting.Play(4000);
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(10);
        while (video.Attaches < 2 && TimeProvider.System.GetUtcNow() < deadline)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken); // the writer loop catches up with the queue
        }

        var (tracks, _) = await recorder.StopAsync();

        var track = Assert.Single(tracks);
        Assert.InRange(track.Frames, 60, 119); // frames between the loss and the keyframe at 2 s are skipped
        Assert.True(video.Attaches >= 2, "the recorder re-attached to request a keyframe");
        Assert.Equal(string.Empty, (await MediaFixtures.RunAsync("ffmpeg", "-v", "error", "-i", Path.Combine(dir, track.FileName), "-f", "null", "-")).Trim());
    }

    [Fact]
    public async Task Malformed_packets_are_counted_and_dropped_never_thrown()
    {
        var dir = MediaFixtures.NewDirectory();
        var track = SyntheticMeeting.VideoTrack("TR_bad", "eve");
        await using var recorder = new TrackRecorder(track, Path.Combine(dir, "bad.webm"), _time.GetTimestamp(), _time, NullLogger.Instance, _ => { });
        recorder.Start();
        track.Send([]);
        track.Send([0x80]);
        track.Send([0x80, 0x60, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1]); // header only, no VP8 descriptor
        track.Send(new byte[70_000]);
        var result = await recorder.StopAsync();
        Assert.Equal(0, result.Frames);
        Assert.Equal(2, recorder.QueueDrops);
        Assert.Equal(2, recorder.AssemblerDrops);
    }

    [Fact]
    public async Task Crash_mid_recording_leaves_a_playable_partial_file()
    {
        var dir = MediaFixtures.NewDirectory();
        var room = new FakeRoom("r3");
        var video = SyntheticMeeting.VideoTrack("TR_crash", "carol");
        room.Publish(video);
        var meeting = new SyntheticMeeting(_time);
        meeting.Video(video, await MediaFixtures.Vp8FramesAsync(dir, 3), 0, 3);
        var recorder = new RoomRecorder(room, dir, "r3--crash", _time, NullLogger.Instance);
        recorder.Start();
        meeting.Play(3000);
        await recorder.FirstMedia.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        var file = Path.Combine(dir, recorder.Tracks()[0].FileName);
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(10);
        while (recorder.Tracks()[0].Frames < 60 && TimeProvider.System.GetUtcNow() < deadline)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        // The process "dies" here: nothing is closed or finalised. Copy what is on disk, as a restart would find it.
        var copy = Path.Combine(dir, "after-crash.webm");
        File.Copy(file, copy);
        var probe = await MediaFixtures.ProbeAsync(copy);
        Assert.Equal("vp8", probe.GetProperty("streams")[0].GetProperty("codec_name").GetString());
        Assert.False(probe.GetProperty("format").TryGetProperty("duration", out _)); // still a live file
        Assert.InRange(await MediaFixtures.PacketDurationAsync(copy), 1.5, 3.1);
        var decoded = await MediaFixtures.RunAsync("ffmpeg", "-v", "error", "-i", copy, "-f", "null", "-");
        Assert.Equal(string.Empty, decoded.Trim());
        var manifest = RoomRecorder.ReadManifest(recorder.ManifestPath);
        Assert.Equal(0, Assert.Single(manifest!).StartOffsetMs);
        await recorder.StopAsync();
    }

    [Fact]
    public async Task Killing_ffmpeg_mid_run_stops_it_quickly_with_q_then_kill_and_logs_it()
    {
        var dir = MediaFixtures.NewDirectory();
        var runner = new FfmpegRunner("ffmpeg", TimeProvider.System);
        var log = Path.Combine(dir, "run.ffmpeg.log");
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        var started = TimeProvider.System.GetUtcNow();
        var exit = await runner.RunAsync(["-hide_banner", "-re", "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=30", "-t", "60", "-c:v", "libvpx", "-y", Path.Combine(dir, "long.webm")], log, TimeSpan.FromMinutes(1), cancel.Token);
        Assert.Null(exit);
        Assert.True(TimeProvider.System.GetUtcNow() - started < TimeSpan.FromSeconds(10));
        Assert.Contains("stopped: cancelled", await File.ReadAllTextAsync(log, TestContext.Current.CancellationToken));
        Assert.Null(FfmpegRunner.Resolve("no-such-ffmpeg-binary"));
        Assert.NotNull(FfmpegRunner.Resolve("ffmpeg"));
    }

    [Fact]
    public async Task Composite_is_h264_720p_with_aac_follows_who_publishes_and_has_no_black_spans()
    {
        var dir = MediaFixtures.NewDirectory();
        var room = new FakeRoom("r4");
        var aliceVideo = SyntheticMeeting.VideoTrack("TR_av", "alice");
        var aliceAudio = SyntheticMeeting.AudioTrack("TR_aa", "alice");
        var bobVideo = SyntheticMeeting.VideoTrack("TR_bv", "bob");
        room.Publish(aliceVideo);
        room.Publish(aliceAudio);
        var meeting = new SyntheticMeeting(_time);
        meeting.Video(aliceVideo, await MediaFixtures.Vp8FramesAsync(dir, 4), 0, 1);
        meeting.Audio(aliceAudio, await MediaFixtures.OpusPacketsAsync(dir, 4), 0, 2);
        meeting.At(1000, () => room.Publish(bobVideo));
        meeting.Video(bobVideo, await MediaFixtures.Vp8FramesAsync(dir, 2, 320, 240), 1000, 3);
        meeting.At(3050, () => room.Unpublish(bobVideo));
        var recorder = new RoomRecorder(room, dir, "r4--comp", _time, NullLogger.Instance);
        recorder.Start();
        meeting.Play(4000);
        var (tracks, durationMs) = await recorder.StopAsync();
        Assert.Equal(3, tracks.Count);
        Assert.Equal(3, GridLayout.Plan([.. tracks.Where(t => t.IsVideo)], durationMs).Count);

        var output = await ComposeAsync(dir, tracks, durationMs, "r4--comp");

        var probe = await MediaFixtures.ProbeAsync(output);
        var streams = probe.GetProperty("streams").EnumerateArray().ToList();
        var v = Assert.Single(streams, s => s.GetProperty("codec_type").GetString() == "video");
        Assert.Equal(("h264", 1280, 720), (v.GetProperty("codec_name").GetString(), v.GetProperty("width").GetInt32(), v.GetProperty("height").GetInt32()));
        Assert.Equal("aac", Assert.Single(streams, s => s.GetProperty("codec_type").GetString() == "audio").GetProperty("codec_name").GetString());
        Assert.InRange(MediaFixtures.Duration(probe), 3.8, 4.2);
        var black = await MediaFixtures.RunAsync("ffmpeg", "-hide_banner", "-i", output, "-vf", "blackdetect=d=1:pix_th=0.10", "-an", "-f", "null", "-");
        Assert.DoesNotContain("black_start", black);

        // The layout follows who publishes: alone, Alice's 16:9 video fills the canvas (the top strip shows picture);
        // while Bob publishes both tiles are 640×720, letterboxed, so the top strip is black.
        var alone = await MeanLumaAsync(output, 0.5, "crop=1280:100:0:20");
        var together = await MeanLumaAsync(output, 2.0, "crop=1280:100:0:20");
        var aloneAgain = await MeanLumaAsync(output, 3.6, "crop=1280:100:0:20");
        Assert.True(alone > 40 && aloneAgain > 40 && together < 20, $"luma {alone} {together} {aloneAgain}");
    }

    [Fact]
    public async Task Composite_holds_the_last_frame_of_a_track_still_published_at_the_stop()
    {
        var dir = MediaFixtures.NewDirectory();
        var room = new FakeRoom("r5");
        var video = SyntheticMeeting.VideoTrack("TR_v", "alice");
        room.Publish(video);
        var meeting = new SyntheticMeeting(_time);
        meeting.Video(video, await MediaFixtures.Vp8FramesAsync(dir, 2), 0, 1); // frames stop at 2 s, track stays published
        var recorder = new RoomRecorder(room, dir, "r5--hold", _time, NullLogger.Instance);
        recorder.Start();
        meeting.Play(4000);
        var (tracks, durationMs) = await recorder.StopAsync();
        Assert.Equal(durationMs, Assert.Single(tracks).EndOffsetMs);

        var output = await ComposeAsync(dir, tracks, durationMs, "r5--hold");
        Assert.InRange(MediaFixtures.Duration(await MediaFixtures.ProbeAsync(output)), 3.8, 4.2);
        var black = await MediaFixtures.RunAsync("ffmpeg", "-hide_banner", "-i", output, "-vf", "blackdetect=d=0.5:pix_th=0.10", "-an", "-f", "null", "-");
        Assert.DoesNotContain("black_start", black);
        Assert.True(await MeanLumaAsync(output, 3.7, "crop=1280:100:0:20") > 40, "the last frame is held to the end");
    }

    [Fact]
    public async Task Composite_gives_someone_heard_without_video_a_named_tile_and_an_audio_only_meeting_no_black()
    {
        var dir = MediaFixtures.NewDirectory();
        var room = new FakeRoom("r6");
        var adaVideo = SyntheticMeeting.VideoTrack("TR_av", "ada");
        var bobAudio = SyntheticMeeting.AudioTrack("TR_ba", "bob");
        room.Publish(adaVideo);
        room.Publish(bobAudio);
        var meeting = new SyntheticMeeting(_time);
        meeting.Video(adaVideo, await MediaFixtures.Vp8FramesAsync(dir, 3), 0, 1);
        meeting.Audio(bobAudio, await MediaFixtures.OpusPacketsAsync(dir, 3), 0, 2);
        var recorder = new RoomRecorder(room, dir, "r6--voice", _time, NullLogger.Instance, id => id == "bob" ? "Bob Example" : null);
        recorder.Start();
        meeting.Play(3000);
        var (tracks, durationMs) = await recorder.StopAsync();
        Assert.Equal("Bob Example", Assert.Single(tracks, t => !t.IsVideo).ParticipantName);
        Assert.Equal("Bob Example", Assert.Single(RoomRecorder.ReadManifest(recorder.ManifestPath)!, t => !t.IsVideo).ParticipantName);

        var font = CompositeFont.Find();
        var output = await ComposeAsync(dir, tracks, durationMs, "r6--voice", font);

        // Bob's tile is the right half: slate, not black, and (with a font) his name in white across its middle.
        var tileEdge = await MeanLumaAsync(output, 1.5, "crop=600:100:660:20");
        var tileMiddle = await MeanLumaAsync(output, 1.5, "crop=600:120:660:300");
        Assert.True(tileEdge > 30, $"the name tile is not black: {tileEdge}");
        if (font is not null)
        {
            Assert.True(tileMiddle > tileEdge + 2, $"the name is written on the tile: middle {tileMiddle}, edge {tileEdge}");
        }

        // Nobody on camera: the whole recording is name tiles, never black.
        var voices = tracks.Where(t => !t.IsVideo).ToList();
        var audioOnly = await ComposeAsync(dir, voices, durationMs, "r6--audio-only", font);
        var black = await MediaFixtures.RunAsync("ffmpeg", "-hide_banner", "-i", audioOnly, "-vf", "blackdetect=d=0.5:pix_th=0.10", "-an", "-f", "null", "-");
        Assert.DoesNotContain("black_start", black);
    }

    /// <summary>Runs the composite of <paramref name="tracks"/> into <c>{name}.mp4</c>; asserts ffmpeg exits 0 (its log as the message).</summary>
    private static async Task<string> ComposeAsync(string dir, IReadOnlyList<RecordedTrack> tracks, long durationMs, string name, string? font = null)
    {
        var output = Path.Combine(dir, name + ".mp4");
        var log = Path.Combine(dir, name + ".ffmpeg.log");
        var exit = await new FfmpegRunner("ffmpeg", TimeProvider.System).RunAsync(
            CompositeArguments.Build(dir, tracks, durationMs, output, font), log, TimeSpan.FromMinutes(3), TestContext.Current.CancellationToken);
        Assert.True(exit == 0, File.ReadAllText(log));
        return output;
    }

    private static async Task<double> MeanLumaAsync(string file, double at, string crop)
    {
        var output = await MediaFixtures.RunAsync("ffmpeg", "-hide_banner", "-ss", at.ToString(System.Globalization.CultureInfo.InvariantCulture), "-i", file, "-frames:v", "1", "-vf", crop + ",signalstats,metadata=print:key=lavfi.signalstats.YAVG", "-f", "null", "-");
        var line = output.Split('\n').First(l => l.Contains("lavfi.signalstats.YAVG=", StringComparison.Ordinal));
        return double.Parse(line[(line.IndexOf('=', StringComparison.Ordinal) + 1)..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
