namespace Convene.Recording.Tests;

/// <summary>Sends pre-encoded VP8 and Opus into fake tracks in real time (a browser stand-in) until disposed.</summary>
internal sealed class LivePublisher : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private LivePublisher(FakeTrack video, FakeTrack audio, List<(long Pts, byte[] Data)> frames, List<byte[]> opus)
    {
        _loop = Task.Run(() => RunAsync(video, audio, frames, opus, _stop.Token));
    }

    /// <summary>Publishes a camera and a microphone for <paramref name="participant"/> into the room and starts sending.</summary>
    public static async Task<LivePublisher> StartAsync(FakeRoom room, string participant, string dir)
    {
        var frames = await MediaFixtures.Vp8FramesAsync(dir, 4, 320, 180);
        var opus = await MediaFixtures.OpusPacketsAsync(dir, 4);
        var video = SyntheticMeeting.VideoTrack("TR_v_" + participant, participant);
        var audio = SyntheticMeeting.AudioTrack("TR_a_" + participant, participant);
        room.Publish(video);
        room.Publish(audio);
        return new LivePublisher(video, audio, frames, opus);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private static async Task RunAsync(FakeTrack video, FakeTrack audio, List<(long Pts, byte[] Data)> frames, List<byte[]> opus, CancellationToken token)
    {
        // 20 ms ticks: one Opus packet each, a VP8 frame every 33 ms of media time; loops the clip (keyframe every 2 s).
        ushort vseq = 1, aseq = 1;
        var clipStart = 0; // frame index at which the clip (starting with a keyframe) was last restarted
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var maxTicks = 60 * 50; // bounded: at most 60 s
        for (var tick = 0; tick < maxTicks && !token.IsCancellationRequested; tick++)
        {
            var ms = tick * 20L;
            audio.Send(MediaFixtures.PacketizeOpus(opus[tick % opus.Count], aseq++, (uint)(tick * 960), 2));
            var frameIndex = (int)(ms * 30 / 1000);
            var previous = (int)((ms - 20) * 30 / 1000);
            if (tick == 0 || frameIndex != previous)
            {
                if (video.TakeKeyframeRequest())
                {
                    clipStart = frameIndex; // answer the keyframe request: restart the clip at its first (key)frame
                }

                var frame = frames[(frameIndex - clipStart) % frames.Count].Data;
                foreach (var packet in MediaFixtures.PacketizeVp8(frame, vseq, (uint)(frameIndex * 3000), 1))
                {
                    video.Send(packet);
                    vseq++;
                }
            }

            var wait = TimeSpan.FromMilliseconds(ms + 20) - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }
}
