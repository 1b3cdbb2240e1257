using Convene.Rtp;
using Convene.Testing.Media;

namespace Convene.Sfu.Tests.Component;

/// <summary>Loss recovery end to end: the SFU NACKs the publisher for holes, and answers subscriber NACKs from its ring.</summary>
public sealed class NackComponentTests
{
    [Fact(Timeout = 40_000)]
    public async Task With_10_percent_loss_on_every_hop_nack_recovers_every_video_frame()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = new ComponentHarness(seed: 4);
        var (alice, subscribers) = await h.PublishAndSubscribeAsync(audio: false, video: true, subscribers: 1, ct);
        var bob = subscribers[0];
        var video = alice.VideoTrack!;
        Assert.True(await ComponentHarness.PumpUntilAsync(alice, () => bob.Received(video)?.DistinctPackets >= 5, ct));

        // 300 frames with 10 % loss on both hops (publisher → SFU and SFU → subscriber, RTCP included), 4 ms apart,
        // then lossless frames so that holes at the end are seen too.
        const int LossyFrames = 300;
        var first = alice.VideoFramesSent;
        h.Network.LossRate = 0.10;
        var droppedBefore = h.Network.Dropped;
        for (var i = 0; i < LossyFrames; i++)
        {
            alice.SendVideo();
            await Task.Delay(4, ct);
        }

        h.Network.LossRate = 0;
        var lost = h.Network.Dropped - droppedBefore;
        var last = first + LossyFrames;
        for (var i = 0; i < 20; i++)
        {
            alice.SendVideo();
            await Task.Delay(4, ct);
        }

        // Every frame of the lossy window fits in both rings (publisher history 1024, SFU send ring 512) and NACKs are
        // retried 10 times 20 ms apart, so the recoverable set is the whole window: all of it must arrive.
        var received = bob.Received(video)!;
        var recoveredAll = await Poll.UntilAsync(() => Enumerable.Range(0, LossyFrames).All(i => received.HasStamp((uint)(first + i))), TimeSpan.FromSeconds(5), ct);
        var missing = Enumerable.Range(0, LossyFrames).Select(i => (uint)(first + i)).Where(s => !received.HasStamp(s)).ToList();
        var counters = h.Counters;
        Assert.True(recoveredAll, $"{missing.Count} frames never arrived ({string.Join(",", missing.Take(10))}); lost datagrams {lost}; {counters}");
        Assert.True(lost > 30, $"only {lost} datagrams were lost: the loss injection did not work");
        Assert.True(received.IsContiguous, "the subscriber still has a sequence gap");

        // Both halves of the recovery worked: the SFU NACKed the publisher, and answered the subscriber's NACKs.
        Assert.True(counters.NacksSent > 0 && counters.RecoveredByNack > 0, counters.ToString());
        Assert.True(alice.Publisher.RetransmissionsSent > 0);
        Assert.True(counters.NacksReceived > 0 && counters.RetransmissionsSent > 0, counters.ToString());
        Assert.True(received.Recovered > 0);
        Assert.True(last > first);

        Assert.Null(await h.CloseAsync(ct));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_subscriber_nack_is_answered_from_the_ring_only_within_its_capacity()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = new ComponentHarness(seed: 5);
        var (alice, subscribers) = await h.PublishAndSubscribeAsync(audio: false, video: true, subscribers: 1, ct);
        var bob = subscribers[0];
        var video = alice.VideoTrack!;
        Assert.True(await ComponentHarness.PumpUntilAsync(alice, () => bob.Received(video)?.DistinctPackets >= 5, ct));

        const int Ring = 512; // Consumer's RetransmissionRing capacity
        for (var i = 0; i < Ring + 100; i++)
        {
            alice.SendVideo();
            if (i % 50 == 0)
            {
                await Task.Delay(2, ct);
            }
        }

        var received = bob.Received(video)!;
        var total = received.DistinctPackets;
        Assert.True(await Poll.UntilAsync(() => received.DistinctPackets >= Ring + 100, TimeSpan.FromSeconds(5), ct));
        Assert.True(received.IsContiguous);
        var newest = received.HighestSequence;
        var tooOld = (ushort)(newest - Ring - 50);
        var recent = (ushort)(newest - 10);
        var notInRingBefore = h.Counters.Dropped(DropReason.NackNotInRing);
        var resentBefore = h.Counters.RetransmissionsSent;
        var replaysBefore = bob.Subscriber.SrtpReplays;

        var nack = new byte[64];
        Assert.True(RtcpNack.TryWrite(nack, bob.Subscriber.LocalSsrc, received.Ssrc, [tooOld], out var n1));
        Assert.True(bob.Subscriber.SendRtcp(nack.AsSpan(0, n1)));
        Assert.True(RtcpNack.TryWrite(nack, bob.Subscriber.LocalSsrc, received.Ssrc, [recent], out var n2));
        Assert.True(bob.Subscriber.SendRtcp(nack.AsSpan(0, n2)));

        // The recent packet is resent as it was (same SSRC and sequence number: no RTX towards subscribers). Bob had it
        // already, so his SRTP replay window refuses the copy: that refusal is the proof it arrived.
        Assert.True(await Poll.UntilAsync(() => bob.Subscriber.SrtpReplays == replaysBefore + 1, TimeSpan.FromSeconds(3), ct));
        Assert.Equal(notInRingBefore + 1, h.Counters.Dropped(DropReason.NackNotInRing));
        Assert.Equal(resentBefore + 1, h.Counters.RetransmissionsSent);
        Assert.True(total > 0);

        Assert.Null(await h.CloseAsync(ct));
    }
}
