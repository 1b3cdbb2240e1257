using System.Diagnostics;

namespace Convene.Bench.Recording;

/// <summary>
/// N participants each sending 720p VP8 at 30 fps and Opus every 20 ms, in real time, until stopped; a keyframe
/// request (a consumer attached) restarts that participant's clip at its first frame, a keyframe.
/// </summary>
internal sealed class Publisher : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public Publisher(IReadOnlyList<(BenchTrack Video, BenchTrack Audio)> participants, List<byte[]> frames, List<byte[]> opus, TimeSpan maxDuration)
    {
        _loop = Task.Run(() => RunAsync(participants, frames, opus, maxDuration, _stop.Token));
    }

    public long VideoPackets { get; private set; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task RunAsync(IReadOnlyList<(BenchTrack Video, BenchTrack Audio)> participants, List<byte[]> frames, List<byte[]> opus, TimeSpan maxDuration, CancellationToken token)
    {
        var scratch = new byte[1500];
        var seqs = new ushort[participants.Count * 2];
        var clipStart = new long[participants.Count]; // frame index at which each participant's clip last restarted
        var clock = Stopwatch.StartNew();
        var maxTicks = (long)(maxDuration.TotalMilliseconds / 20);
        for (long tick = 0; tick < maxTicks && !token.IsCancellationRequested; tick++)
        {
            var ms = tick * 20;
            var frameIndex = ms * 30 / 1000;
            var newFrame = tick == 0 || frameIndex != (ms - 20) * 30 / 1000;
            for (var p = 0; p < participants.Count; p++)
            {
                var (video, audio) = participants[p];
                Media.OpusPacket(opus[(int)(tick % opus.Count)], seqs[(2 * p) + 1]++, (uint)(tick * 960), (uint)(100 + p), scratch, audio);
                if (newFrame)
                {
                    if (video.TakeKeyframeRequest())
                    {
                        clipStart[p] = frameIndex; // answer the keyframe request: restart the clip at its first (key)frame
                    }

                    var frame = frames[(int)((frameIndex - clipStart[p]) % frames.Count)];
                    VideoPackets += Media.Vp8Packets(frame, ref seqs[2 * p], (uint)(frameIndex * 3000), (uint)(200 + p), scratch, video);
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
                    return;
                }
            }
        }
    }
}
