using Convene.Sfu.Api;
using Convene.Testing.Media;

namespace Convene.Sfu.Tests.Component;

/// <summary>Test peers with real ICE/DTLS/SRTP over the in-memory network: publish → forward → consume.</summary>
public sealed class ForwardingComponentTests
{
    [Fact(Timeout = 30_000)]
    public async Task Audio_and_video_from_one_peer_reach_two_others_with_rewritten_ssrcs_and_continuous_sequences()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = new ComponentHarness(seed: 1);
        var (alice, subscribers) = await h.PublishAndSubscribeAsync(audio: true, video: true, subscribers: 2, ct);
        var audio = alice.AudioTrack!;
        var video = alice.VideoTrack!;
        Assert.Equal(MediaKind.Audio, audio.Kind);
        Assert.Equal("opus", audio.CodecName);
        Assert.Equal("VP8", video.CodecName);
        Assert.Equal(2, h.Room.Tracks.Count);

        Assert.True(await ComponentHarness.PumpUntilAsync(
            alice,
            () => subscribers.All(s => s.Received(audio)?.DistinctPackets >= 40 && s.Received(video)?.DistinctPackets >= 40),
            ct), h.Counters.ToString());

        foreach (var bob in subscribers)
        {
            var audioSsrc = bob.SsrcOf(audio)!.Value;
            var videoSsrc = bob.SsrcOf(video)!.Value;
            Assert.NotEqual(alice.AudioSsrc, audioSsrc); // the SFU rewrote the SSRCs it announced
            Assert.NotEqual(alice.VideoSsrc, videoSsrc);
            Assert.NotEqual(audioSsrc, videoSsrc);

            var audioIn = bob.Received(audio)!;
            var videoIn = bob.Received(video)!;
            Assert.Equal(SyntheticMedia.OpusPayloadType, audioIn.PayloadType);
            Assert.True(audioIn.IsContiguous, "audio sequence numbers have a gap");
            Assert.True(videoIn.IsContiguous, "video sequence numbers have a gap");
            Assert.Equal(0, audioIn.Duplicates);

            // Payload integrity: the stamps are the publisher's frame indexes, consecutive once forwarding started.
            AssertConsecutive(audioIn.Stamps);
            AssertConsecutive(videoIn.Stamps);

            // Video started at a keyframe (the consumer waits for one and asked the publisher for it).
            Assert.True(videoIn.Keyframes >= 1);
            Assert.Equal(0, bob.Subscriber.SrtpFailures);
        }

        Assert.True(alice.KeyframesSent >= 1);
        Assert.True(h.Counters.RtpForwarded >= 160);

        // Sender reports come every second on the subscriber connections, receiver reports on the publisher's.
        Assert.True(await Poll.UntilAsync(
            () => subscribers.All(s => s.Subscriber.SenderReportsReceived > 0) && alice.Publisher.ReceiverReportsReceived > 0,
            TimeSpan.FromSeconds(3), ct));

        Assert.Null(await h.CloseAsync(ct));
    }

    [Fact(Timeout = 30_000)]
    public async Task Mute_pauses_forwarding_and_unmute_resumes_with_a_continuous_sequence()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = new ComponentHarness(seed: 2);
        var (alice, subscribers) = await h.PublishAndSubscribeAsync(audio: true, video: false, subscribers: 1, ct);
        var bob = subscribers[0];
        var audio = alice.AudioTrack!;
        Assert.True(await ComponentHarness.PumpUntilAsync(alice, () => bob.Received(audio)?.DistinctPackets >= 20, ct));
        Assert.True(await Poll.UntilAsync(() => bob.Received(audio)!.Stamps[^1] == alice.AudioFramesSent - 1, TimeSpan.FromSeconds(2), ct));

        Assert.True(alice.MediaPeer.SetMuted(audio.TrackId, true));
        Assert.True(audio.Muted);
        var before = bob.Received(audio)!.DistinctPackets;
        var pausedBefore = h.Counters.Dropped(DropReason.ConsumerPaused);
        var firstMuted = alice.AudioFramesSent;
        alice.SendAudio(30);
        Assert.True(await Poll.UntilAsync(() => h.Counters.Dropped(DropReason.ConsumerPaused) - pausedBefore >= 30, TimeSpan.FromSeconds(3), ct));
        Assert.Equal(before, bob.Received(audio)!.DistinctPackets);

        Assert.True(alice.MediaPeer.SetMuted(audio.TrackId, false));
        var firstAfter = alice.AudioFramesSent;
        alice.SendAudio(20);
        Assert.True(await Poll.UntilAsync(() => bob.Received(audio)!.DistinctPackets == before + 20, TimeSpan.FromSeconds(3), ct));
        var received = bob.Received(audio)!;
        Assert.True(received.IsContiguous, "the subscriber sees a sequence gap across the mute");
        for (var stamp = firstMuted; stamp < firstAfter; stamp++)
        {
            Assert.False(received.HasStamp(stamp), $"muted frame {stamp} was forwarded");
        }

        for (var stamp = firstAfter; stamp < firstAfter + 20; stamp++)
        {
            Assert.True(received.HasStamp(stamp), $"frame {stamp} after unmute is missing");
        }

        Assert.Null(await h.CloseAsync(ct));
    }

    [Fact(Timeout = 30_000)]
    public async Task Unpublish_and_leave_stop_forwarding_close_consumers_and_renegotiate_without_them()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = new ComponentHarness(seed: 3);
        var unpublished = new List<string>();
        h.Room.TrackUnpublished += (_, e) =>
        {
            lock (unpublished)
            {
                unpublished.Add(e.Track.TrackId);
            }
        };
        var (alice, subscribers) = await h.PublishAndSubscribeAsync(audio: true, video: true, subscribers: 1, ct);
        var bob = subscribers[0];
        var audio = alice.AudioTrack!;
        var video = alice.VideoTrack!;
        Assert.True(await ComponentHarness.PumpUntilAsync(alice, () => bob.Received(audio)?.DistinctPackets >= 10 && bob.Received(video)?.DistinctPackets >= 10, ct));
        Assert.Equal(2, h.Plane.Resources.LiveConsumers);

        // Alice stops her camera: the video section goes inactive in her next offer.
        var oldVideoSsrc = alice.VideoSsrc;
        await alice.PublishAsync(audio: true, video: false, ct);
        Assert.Single(h.Room.Tracks);
        Assert.Contains(video.TrackId, unpublished);
        Assert.Equal(1, h.Plane.Resources.LiveConsumers);
        Assert.Equal(1, await bob.RenegotiateAsync(ct));
        Assert.Equal([audio.TrackId], bob.LastSubscribeOffer!.Tracks.Select(t => t.TrackId));

        var videoBefore = bob.Subscriber.Streams.Values.Where(s => s.PayloadType == SyntheticMedia.Vp8PayloadType).Sum(s => s.Packets);
        var unknownBefore = h.Counters.Dropped(DropReason.RtpUnknownSsrc);
        var audioBefore = bob.Received(audio)!.DistinctPackets;
        var lateVideo = new byte[1500];
        for (var i = 0; i < 10; i++)
        {
            // Packets on the old video SSRC are no longer anyone's: counted, dropped.
            var n = SyntheticMedia.WriteVp8(lateVideo, (ushort)(60000 + i), 0, oldVideoSsrc, "1", 0, keyframe: true);
            alice.Publisher.SendRtp(lateVideo.AsSpan(0, n));
        }

        alice.SendAudio(10);
        Assert.True(await Poll.UntilAsync(() => bob.Received(audio)!.DistinctPackets >= audioBefore + 10, TimeSpan.FromSeconds(3), ct));
        Assert.True(await Poll.UntilAsync(() => h.Counters.Dropped(DropReason.RtpUnknownSsrc) >= unknownBefore + 10, TimeSpan.FromSeconds(3), ct));
        Assert.Equal(videoBefore, bob.Subscriber.Streams.Values.Where(s => s.PayloadType == SyntheticMedia.Vp8PayloadType).Sum(s => s.Packets));

        // Alice leaves: her audio producer closes, Bob's consumer closes, Bob's next offer carries no track.
        await alice.MediaPeer.DisposeAsync();
        Assert.Empty(h.Room.Tracks);
        Assert.Contains(audio.TrackId, unpublished);
        Assert.Equal(0, h.Plane.Resources.LiveProducers);
        Assert.Equal(0, h.Plane.Resources.LiveConsumers);
        Assert.Equal(1, await bob.RenegotiateAsync(ct));
        Assert.Empty(bob.LastSubscribeOffer!.Tracks);

        Assert.Null(await h.CloseAsync(ct));
    }

    private static void AssertConsecutive(IReadOnlyList<uint> stamps)
    {
        Assert.NotEmpty(stamps);
        for (var i = 1; i < stamps.Count; i++)
        {
            Assert.Equal(stamps[i - 1] + 1, stamps[i]);
        }
    }
}
