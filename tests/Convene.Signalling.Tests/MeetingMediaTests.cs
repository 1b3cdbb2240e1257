using Convene.Sfu.Api;
using Convene.Signalling.Protocol;
using Convene.Signalling.Tests.Fakes;

namespace Convene.Signalling.Tests;

public sealed class MeetingMediaTests
{
    private static PublishOfferMessage Offer(params (string Mid, string Source)[] tracks) =>
        new("v=0 offer", [.. tracks.Select(t => new PublishTrackDto(t.Mid, t.Source))]) { RequestId = "p" };

    [Fact]
    public async Task Publishing_answers_with_track_ids_and_subscribes_everyone_else()
    {
        await using var h = new MeetingHarness();
        h.Directory.Add("r");
        var (alice, a) = await h.JoinAsync(Members.Moderator("r", "alice"));
        var bob = await h.JoinOkAsync(Members.Speaker("r", "bob"));

        await h.SendAsync(a, Offer(("0", "microphone"), ("1", "camera")));

        var answer = alice.Last<PublishAnswerEvent>();
        Assert.Equal("p", answer.RequestId);
        Assert.Equal("answer:v=0 offer", answer.Sdp);
        Assert.Equal([("0", "audio", "microphone"), ("1", "video", "camera")], answer.Tracks.Select(t => (t.Mid, t.Kind, t.Source)));
        Assert.All(answer.Tracks, t => Assert.Matches("^TR_[0-9A-Za-z]{12}$", t.TrackId));

        Assert.Equal(2, bob.Of<TrackPublishedEvent>().Count);
        var offer = bob.Last<SubscribeOfferEvent>();
        Assert.Equal(answer.Tracks.Select(t => t.TrackId).Order(), offer.Tracks.Select(t => t.TrackId).Order());
        Assert.All(offer.Tracks, t => Assert.Equal("alice", t.ParticipantId));
        Assert.Empty(alice.Of<SubscribeOfferEvent>());
    }

    [Fact]
    public async Task A_late_joiner_gets_an_offer_with_existing_tracks_after_joined()
    {
        await using var h = new MeetingHarness();
        h.Directory.Add("r");
        var (_, a) = await h.JoinAsync(Members.Moderator("r", "alice"));
        await h.SendAsync(a, Offer(("0", "camera")));
        var bob = await h.JoinOkAsync(Members.Speaker("r", "bob"));

        var messages = bob.Messages;
        Assert.IsType<JoinedEvent>(messages[0]);
        var offer = Assert.IsType<SubscribeOfferEvent>(messages[1]);
        Assert.Equal("camera", Assert.Single(offer.Tracks).Source);
        Assert.Single(Assert.Single(((JoinedEvent)messages[0]).Participants).Tracks);
    }

    [Fact]
    public async Task Changes_while_an_offer_is_outstanding_are_coalesced_into_the_next_offer()
    {
        await using var h = new MeetingHarness();
        h.Directory.Add("r");
        var (_, a) = await h.JoinAsync(Members.Moderator("r", "alice"));
        var (bob, b) = await h.JoinAsync(Members.Speaker("r", "bob"));
        var (_, c) = await h.JoinAsync(Members.Speaker("r", "carol"));

        await h.SendAsync(a, Offer(("0", "camera")));
        await h.SendAsync(c, Offer(("0", "microphone")));
        Assert.Single(bob.Of<SubscribeOfferEvent>());

        await h.SendAsync(b, new SubscribeAnswerMessage("answer") { RequestId = "s" });
        Assert.Equal("s", bob.Last<OkEvent>().RequestId);
        var offers = bob.Of<SubscribeOfferEvent>();
        Assert.Equal(2, offers.Count);
        Assert.Equal(2, offers[1].Tracks.Count);
    }

    [Fact]
    public async Task Removing_a_section_unpublishes_the_track_for_others()
    {
        await using var h = new MeetingHarness();
        h.Directory.Add("r");
        var (_, a) = await h.JoinAsync(Members.Moderator("r", "alice"));
        var (bob, b) = await h.JoinAsync(Members.Speaker("r", "bob"));
        await h.SendAsync(a, Offer(("0", "microphone"), ("1", "camera")));
        await h.SendAsync(b, new SubscribeAnswerMessage("answer"));
        var cameraId = bob.Of<TrackPublishedEvent>().Single(t => t.Track.Source == "camera").Track.TrackId;

        await h.SendAsync(a, Offer(("0", "microphone")));

        Assert.Equal(("alice", cameraId), (bob.Last<TrackUnpublishedEvent>().ParticipantId, bob.Last<TrackUnpublishedEvent>().TrackId));
        Assert.DoesNotContain(cameraId, h.Peer("r", "bob").SubscribedTrackIds);
        Assert.Single(bob.Last<SubscribeOfferEvent>().Tracks);
    }

    [Fact]
    public async Task Rejected_sdp_is_an_sdp_rejected_error_and_nothing_changes()
    {
        await using var h = new MeetingHarness();
        h.Directory.Add("r");
        var (alice, a) = await h.JoinAsync(Members.Moderator("r", "alice"));
        await h.SendAsync(a, new PublishOfferMessage("bad", [new PublishTrackDto("0", "camera")]) { RequestId = "q" });

        var error = alice.Last<ErrorEvent>();
        Assert.Equal((ErrorCodes.SdpRejected, "q"), (error.Code, error.RequestId));
        Assert.Empty(alice.Of<PublishAnswerEvent>());

        await h.SendAsync(a, new SubscribeAnswerMessage("unexpected"));
        Assert.Equal(ErrorCodes.SdpRejected, alice.Last<ErrorEvent>().Code);
    }

    [Fact]
    public async Task Mute_is_relayed_to_others_and_refused_for_foreign_tracks()
    {
        await using var h = new MeetingHarness();
        h.Directory.Add("r");
        var (alice, a) = await h.JoinAsync(Members.Moderator("r", "alice"));
        var (bob, b) = await h.JoinAsync(Members.Speaker("r", "bob"));
        await h.SendAsync(a, Offer(("0", "microphone")));
        var trackId = alice.Last<PublishAnswerEvent>().Tracks[0].TrackId;

        await h.SendAsync(a, new MuteMessage(trackId, true));
        var muted = bob.Last<TrackMutedEvent>();
        Assert.Equal(("alice", trackId, true), (muted.ParticipantId, muted.TrackId, muted.Muted));
        Assert.True(h.Media.Rooms["r"].Tracks.Single().Muted);

        await h.SendAsync(b, new MuteMessage(trackId, true));
        Assert.Equal(ErrorCodes.BadMessage, bob.Last<ErrorEvent>().Code);
    }

    [Fact]
    public async Task Leaving_disposes_the_peer_and_unsubscribes_others_from_its_tracks()
    {
        await using var h = new MeetingHarness();
        h.Directory.Add("r");
        var (_, a) = await h.JoinAsync(Members.Moderator("r", "alice"));
        var (bob, b) = await h.JoinAsync(Members.Speaker("r", "bob"));
        await h.SendAsync(a, Offer(("0", "camera")));
        await h.SendAsync(b, new SubscribeAnswerMessage("answer"));
        var alicePeer = h.Peer("r", "alice");

        await h.SendAsync(a, new LeaveMessage());

        Assert.True(alicePeer.Disposed);
        Assert.Empty(h.Peer("r", "bob").SubscribedTrackIds);
        Assert.Empty(bob.Last<SubscribeOfferEvent>().Tracks);
    }

    [Fact]
    public async Task Active_speakers_from_the_media_room_reach_everyone_clamped()
    {
        await using var h = new MeetingHarness();
        h.Directory.Add("r");
        var alice = await h.JoinOkAsync(Members.Moderator("r", "alice"));
        var bob = await h.JoinOkAsync(Members.Speaker("r", "bob"));

        h.Media.Rooms["r"].RaiseActiveSpeakers(new SpeakerLevel("bob", 1.5), new SpeakerLevel("alice", 0.2));

        foreach (var c in new[] { alice, bob })
        {
            Assert.Equal([("bob", 1.0), ("alice", 0.2)], c.Last<ActiveSpeakersEvent>().Speakers.Select(s => (s.ParticipantId, s.Level)));
        }

        await h.Registry.EndMeetingAsync("r", TestContext.Current.CancellationToken);
        Assert.False(h.Media.Rooms["r"].HasActiveSpeakerListeners);
    }
}
