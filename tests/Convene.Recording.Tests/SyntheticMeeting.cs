using Convene.Sfu.Api;
using Microsoft.Extensions.Time.Testing;

namespace Convene.Recording.Tests;

/// <summary>Schedules RTP of several fake tracks on one clock and plays it into them in time order.</summary>
internal sealed class SyntheticMeeting(FakeTimeProvider time)
{
    private readonly List<(long AtMs, int Order, Action Action)> _events = [];
    private int _order;

    public long StartMs { get; } = time.GetUtcNow().ToUnixTimeMilliseconds();

    public void Video(FakeTrack track, List<(long Pts, byte[] Data)> frames, long fromMs, uint ssrc, Func<int, bool>? dropPacket = null)
    {
        ushort seq = 1000;
        var packetIndex = 0;
        foreach (var (pts, data) in frames)
        {
            var at = fromMs + (pts * 1000 / 30);
            foreach (var packet in MediaFixtures.PacketizeVp8(data, seq, (uint)(5000 + (pts * 3000)), ssrc))
            {
                seq++;
                if (dropPacket?.Invoke(packetIndex++) == true)
                {
                    continue;
                }

                At(at, () => track.Send(packet));
            }
        }
    }

    public void Audio(FakeTrack track, List<byte[]> packets, long fromMs, uint ssrc)
    {
        for (var i = 0; i < packets.Count; i++)
        {
            var packet = MediaFixtures.PacketizeOpus(packets[i], (ushort)(7 + i), (uint)(123456 + (i * 960)), ssrc);
            At(fromMs + (i * 20), () => track.Send(packet));
        }
    }

    public void At(long atMs, Action action) => _events.Add((atMs, _order++, action));

    /// <summary>Plays every event in time order, moving the fake clock; ends at <paramref name="endMs"/>.</summary>
    public void Play(long endMs)
    {
        foreach (var (atMs, _, action) in _events.OrderBy(e => e.AtMs).ThenBy(e => e.Order))
        {
            SetTo(atMs);
            action();
        }

        SetTo(endMs);
    }

    private void SetTo(long ms)
    {
        var target = DateTimeOffset.FromUnixTimeMilliseconds(StartMs + ms);
        if (target > time.GetUtcNow())
        {
            time.SetUtcNow(target);
        }
    }

    public static FakeTrack VideoTrack(string id, string participant) => new(id, participant, MediaKind.Video, "VP8");

    public static FakeTrack AudioTrack(string id, string participant) => new(id, participant, MediaKind.Audio, "opus");
}
