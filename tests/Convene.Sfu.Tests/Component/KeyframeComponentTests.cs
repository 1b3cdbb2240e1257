using Convene.Testing.Media;
using Microsoft.Extensions.Time.Testing;

namespace Convene.Sfu.Tests.Component;

/// <summary>Keyframe requests: one when a consumer starts, subscriber PLIs relayed to the publisher at most every 500 ms.</summary>
public sealed class KeyframeComponentTests
{
    [Fact(Timeout = 30_000)]
    public async Task Subscriber_plis_reach_the_publisher_throttled_to_one_per_500_ms_of_sfu_time()
    {
        var ct = TestContext.Current.CancellationToken;

        // The SFU's clock is fake (frozen unless advanced); the peers' own timers run on the real clock.
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var h = new ComponentHarness(time, seed: 6);
        var (alice, subscribers) = await h.PublishAndSubscribeAsync(audio: false, video: true, subscribers: 1, ct);
        var bob = subscribers[0];
        var video = alice.VideoTrack!;
        Assert.True(await ComponentHarness.PumpUntilAsync(alice, () => bob.Received(video)?.Keyframes >= 1 && bob.Received(video)?.DistinctPackets >= 5, ct));
        var ssrc = bob.SsrcOf(video)!.Value;

        // Let the initial requests settle, then a burst of PLIs within the same 500 ms: none gets through.
        time.Advance(TimeSpan.FromSeconds(1));
        bob.Subscriber.SendPli(ssrc);
        Assert.True(await Poll.UntilAsync(() => alice.Publisher.PlisReceived >= 1, TimeSpan.FromSeconds(3), ct));
        await Task.Delay(100, ct);
        var plis = alice.Publisher.PlisReceived;
        var received = h.Counters.KeyframeRequestsReceived;
        for (var i = 0; i < 10; i++)
        {
            bob.Subscriber.SendPli(ssrc);
            await Task.Delay(10, ct); // a few worker ticks apart, so each PLI is a separate request
        }

        Assert.True(await Poll.UntilAsync(() => h.Counters.KeyframeRequestsReceived >= received + 10, TimeSpan.FromSeconds(3), ct));
        await Task.Delay(100, ct);
        Assert.Equal(plis, alice.Publisher.PlisReceived);
        Assert.True(h.Counters.Dropped(DropReason.KeyframeRequestThrottled) >= 1, h.Counters.ToString()); // PLIs between two ticks coalesce into one request

        // 600 ms later on the SFU's clock: exactly one of the next burst goes through.
        time.Advance(TimeSpan.FromMilliseconds(600));
        for (var i = 0; i < 10; i++)
        {
            bob.Subscriber.SendPli(ssrc);
            await Task.Delay(10, ct);
        }

        Assert.True(await Poll.UntilAsync(() => h.Counters.KeyframeRequestsReceived >= received + 20, TimeSpan.FromSeconds(3), ct));
        await Task.Delay(100, ct);
        Assert.Equal(plis + 1, alice.Publisher.PlisReceived);

        // The publisher answers with a keyframe that reaches the subscriber.
        var keyframes = bob.Received(video)!.Keyframes;
        alice.SendVideo(3);
        Assert.True(await Poll.UntilAsync(() => bob.Received(video)!.Keyframes == keyframes + 1, TimeSpan.FromSeconds(3), ct));

        Assert.Null(await h.CloseAsync(ct));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_new_consumer_asks_the_publisher_for_a_keyframe_and_starts_with_it()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = new ComponentHarness(seed: 7);
        var alice = h.AddPeer("alice");
        await alice.PublishAsync(audio: false, video: true, ct);
        var video = alice.VideoTrack!;

        // Alice streams alone for a while (her first keyframe goes nowhere).
        alice.SendVideo(30);
        Assert.True(await Poll.UntilAsync(() => h.Counters.Dropped(DropReason.RtpUnknownSsrc) == 0 && ((Sfu.Media.Producer)video).PacketsReceived >= 30, TimeSpan.FromSeconds(3), ct));
        await Task.Delay(600, ct); // past the keyframe-request throttle
        var plis = alice.Publisher.PlisReceived;

        var bob = h.AddPeer("bob");
        await bob.SubscribeAsync([video], ct);
        Assert.True(await Poll.UntilAsync(() => alice.Publisher.PlisReceived > plis, TimeSpan.FromSeconds(3), ct), "no keyframe request when the consumer started");
        Assert.True(await ComponentHarness.PumpUntilAsync(alice, () => bob.Received(video)?.DistinctPackets >= 5, ct));
        var received = bob.Received(video)!;

        // The first frame Bob got is a keyframe: delta frames before it were held back.
        Assert.True(received.StartedWithKeyframe, "the subscriber's first frame is not a keyframe");
        var firstStamp = received.Stamps[0];
        Assert.True(firstStamp >= 30, $"Bob got frame {firstStamp}, sent before he subscribed");

        Assert.Null(await h.CloseAsync(ct));
    }
}
