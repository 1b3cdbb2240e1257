using Convene.Rtp;
using Convene.Sfu.Api;
using Convene.Sfu.Media;
using Microsoft.Extensions.Time.Testing;

namespace Convene.Sfu.Tests;

public sealed class ProducerConsumerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 5, 0, 0, TimeSpan.Zero));
    private readonly SfuCounterSet _counters = new();
    private readonly MediaSenderSpy _publisher = new();
    private readonly byte[] _scratch = new byte[2048];

    private WorkerClock Clock => WorkerClock.Now(_time);

    private Producer Video(uint ssrc = 1000, uint rtx = 1001) => new(
        "TR_video", "alice", "1", TrackSource.Camera, new MediaCodec("VP8", MediaKind.Video, 96, 90000, 97),
        ssrc, rtx, 0, _publisher, null, 77, _counters, _time);

    private Consumer Consume(Producer producer, MediaSenderSpy spy, uint ssrc = 5000, byte pt = 100)
    {
        var map = new byte[16];
        var c = new Consumer(producer, ssrc, pt, map, spy, null, _counters, _time, new Random(1));
        producer.AddConsumer(c);
        return c;
    }

    private void Feed(Producer p, byte[] packet) => p.OnRtp(packet.AsSpan(), _scratch, Clock);

    [Fact]
    public void Consumer_waits_for_keyframe_then_forwards_with_rewritten_ssrc_pt_and_continuous_seq()
    {
        var p = Video();
        var bob = new MediaSenderSpy();
        Consume(p, bob);
        Feed(p, Packets.Vp8(10, 0, 1000, keyframe: false));
        Assert.Empty(bob.Rtp);
        Assert.Equal(1, _counters.Snapshot().Dropped(DropReason.ConsumerWaitingForKeyframe));

        p.OnTick(_scratch, Clock); // PLI goes to the publisher
        Assert.Single(_publisher.Rtcp, IsPli);

        for (ushort s = 11; s < 20; s++)
        {
            Feed(p, Packets.Vp8(s, s * 3000u, 1000, keyframe: s == 11));
            _time.Advance(TimeSpan.FromMilliseconds(33));
        }

        Assert.Equal(9, bob.Rtp.Count);
        ushort? previous = null;
        foreach (var bytes in bob.Rtp)
        {
            Assert.True(RtpPacket.TryParse(bytes, out var r));
            Assert.Equal(5000u, r.Ssrc);
            Assert.Equal(100, r.PayloadType);
            if (previous is { } prev)
            {
                Assert.Equal((ushort)(prev + 1), r.SequenceNumber);
            }

            previous = r.SequenceNumber;
        }
    }

    [Fact]
    public void Keyframe_requests_are_throttled_to_one_per_500ms()
    {
        var p = Video();
        p.OnRtp(Packets.Vp8(1, 0, 1000, true).AsSpan(), _scratch, Clock);
        for (var i = 0; i < 20; i++)
        {
            p.RequestKeyframe();
            p.OnTick(_scratch, Clock);
            _time.Advance(TimeSpan.FromMilliseconds(50));
        }

        var plis = _publisher.Rtcp.Count(IsPli);
        Assert.Equal(2, plis); // t=0 and t=500
        Assert.True(_counters.Snapshot().Dropped(DropReason.KeyframeRequestThrottled) >= 17);
    }

    [Fact]
    public void Subscriber_nack_is_answered_from_the_send_ring()
    {
        var p = Video();
        var bob = new MediaSenderSpy();
        var c = Consume(p, bob);
        for (ushort s = 0; s < 50; s++)
        {
            Feed(p, Packets.Vp8(s, s * 3000u, 1000, keyframe: s == 0));
        }

        RtpPacket.TryParse(bob.Rtp[10], out var tenth);
        ushort[] lost = [tenth.SequenceNumber, (ushort)(tenth.SequenceNumber + 1), 999];
        c.OnNack(lost, _scratch);
        Assert.Equal(52, bob.Rtp.Count);
        Assert.Equal(bob.Rtp[10], bob.Rtp[50]);
        Assert.Equal(1, _counters.Snapshot().Dropped(DropReason.NackNotInRing));
    }

    [Fact]
    public void Gaps_from_the_publisher_produce_nacks_and_rtx_recovers_them()
    {
        var p = Video();
        var bob = new MediaSenderSpy();
        Consume(p, bob);
        Feed(p, Packets.Vp8(100, 0, 1000, true));
        Feed(p, Packets.Vp8(103, 3000, 1000, false));
        p.OnTick(_scratch, Clock);
        var nack = _publisher.Rtcp.Single(b => b[1] == 205);
        var e = new RtcpCompoundEnumerator(nack);
        Assert.True(e.MoveNext());
        Assert.True(RtcpFeedback.TryParse(e.Current, out var fb));
        Span<ushort> lost = stackalloc ushort[8];
        Assert.Equal(2, RtcpNack.GetLostSequenceNumbers(fb, lost));
        Assert.Equal(101, lost[0]);

        // The publisher retransmits 101 over RTX (payload type 97, ssrc 1001, OSN first).
        var original = Packets.Vp8(101, 1500, 1000, false);
        RtpPacket.TryParse(original, out var o);
        var rtxPayload = new byte[] { 0, 101 }.Concat(o.Payload.ToArray()).ToArray();
        Feed(p, Packets.Rtp(97, 7, 1500, 1001, rtxPayload));
        Assert.Equal(1, _counters.Snapshot().RecoveredByNack);
        Assert.Equal(3, bob.Rtp.Count);
        Assert.True(RtpPacket.TryParse(bob.Rtp[2], out var forwarded));
        Assert.Equal(o.Payload.ToArray(), forwarded.Payload.ToArray());
        Assert.Equal(5000u, forwarded.Ssrc);
    }

    [Fact]
    public void Mute_pauses_and_unmute_resumes_at_a_keyframe_with_continuous_numbers()
    {
        var p = Video();
        var bob = new MediaSenderSpy();
        Consume(p, bob);
        Feed(p, Packets.Vp8(1, 0, 1000, true));
        Feed(p, Packets.Vp8(2, 3000, 1000, false));
        p.SetMuted(true);
        Feed(p, Packets.Vp8(3, 6000, 1000, false));
        Assert.Equal(2, bob.Rtp.Count);
        p.SetMuted(false);
        Feed(p, Packets.Vp8(4, 9000, 1000, false)); // waits for keyframe
        Feed(p, Packets.Vp8(5, 12000, 1000, true));
        Assert.Equal(3, bob.Rtp.Count);
        RtpPacket.TryParse(bob.Rtp[1], out var before);
        RtpPacket.TryParse(bob.Rtp[2], out var after);
        Assert.Equal((ushort)(before.SequenceNumber + 1), after.SequenceNumber);
    }

    [Fact]
    public void Closing_the_producer_closes_consumers_once_and_notifies_their_owner()
    {
        var p = Video();
        var owner = new ConsumerListenerSpy();
        var c = new Consumer(p, 1, 100, new byte[16], new MediaSenderSpy(), owner, _counters, _time, new Random(2));
        p.AddConsumer(c);
        p.Close();
        p.Close();
        Assert.True(c.Closed);
        Assert.Equal(1, owner.Closed);
        Assert.Empty(p.Consumers);
    }

    [Fact]
    public void Local_sink_receives_plaintext_until_detached()
    {
        var p = Video();
        var sink = new SinkSpy();
        var attachment = p.AttachLocalConsumer(sink);
        Feed(p, Packets.Vp8(1, 0, 1000, true));
        attachment.Dispose();
        attachment.Dispose();
        Feed(p, Packets.Vp8(2, 0, 1000, false));
        Assert.Equal(1, sink.Count);
    }

    private static bool IsPli(byte[] rtcp) => rtcp[1] == 206 && (rtcp[0] & 0x1F) == 1;

    private sealed class ConsumerListenerSpy : IConsumerListener
    {
        public int Closed { get; private set; }

        public void OnConsumerClosed(Consumer consumer) => Closed++;
    }

    private sealed class SinkSpy : IRtpSink
    {
        public int Count { get; private set; }

        public void OnRtp(ReadOnlySpan<byte> rtpPacket) => Count++;
    }
}
