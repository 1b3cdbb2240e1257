using Convene.Sfu.Api;
using Convene.Signalling.Protocol;

namespace Convene.Signalling.Meetings;

/// <summary>Publish/subscribe negotiation: every participant receives every other participant's tracks.</summary>
internal sealed partial class Meeting
{
    private ErrorEvent? HandlePublishOffer(Participant self, IParticipantConnection connection, PublishOfferMessage message)
    {
        var requests = new List<PublishedTrackRequest>(message.Tracks.Count);
        foreach (var track in message.Tracks)
        {
            if (!WireNames.TryParseSource(track.Source, out var source))
            {
                return new ErrorEvent(ErrorCodes.BadMessage, $"unknown track source '{track.Source}'");
            }

            requests.Add(new PublishedTrackRequest(track.Mid, source, track.Muted));
        }

        PublishResult result;
        try
        {
            result = self.Peer.HandlePublishOffer(message.Sdp, requests);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException)
        {
            return new ErrorEvent(ErrorCodes.SdpRejected, ex.Message);
        }

        if (!result.Succeeded || result.SdpAnswer is null)
        {
            return new ErrorEvent(ErrorCodes.SdpRejected, result.Error ?? "The offer could not be negotiated");
        }

        var before = self.Tracks;
        var after = result.Tracks;
        var removed = before.Where(old => !after.Any(t => t.Track.TrackId == old.Track.TrackId)).Select(t => t.Track.TrackId).ToList();
        var added = after.Where(t => !before.Any(old => old.Track.TrackId == t.Track.TrackId)).Select(t => t.Track).ToList();
        self.Tracks = after;

        connection.Send(new PublishAnswerEvent(
            result.SdpAnswer,
            [.. after.Select(t => new PublishedTrackInfo(t.Track.TrackId, WireNames.Kind(t.Track.Kind), WireNames.Source(t.Track.Source), t.Track.Muted, t.Mid))])
        {
            RequestId = message.RequestId,
        });

        UnpublishFromOthers(self, removed, announce: true);
        foreach (var other in _participants)
        {
            if (other == self)
            {
                continue;
            }

            foreach (var track in added)
            {
                other.Peer.Subscribe(track);
                other.Connection?.Send(new TrackPublishedEvent(self.Id, Participant.ToTrackInfo(track)));
            }

            SendSubscribeOfferIfNeeded(other);
        }

        LogPublished(RoomId, self.Id, added.Count, removed.Count);
        return null;
    }

    private static ErrorEvent? HandleSubscribeAnswer(Participant self, SubscribeAnswerMessage message)
    {
        NegotiationResult result;
        try
        {
            result = self.Peer.HandleSubscribeAnswer(message.Sdp);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException)
        {
            return new ErrorEvent(ErrorCodes.SdpRejected, ex.Message);
        }

        if (!result.Succeeded)
        {
            return new ErrorEvent(ErrorCodes.SdpRejected, result.Error ?? "The answer could not be applied");
        }

        // Changes coalesced while this offer was outstanding go out now.
        SendSubscribeOfferIfNeeded(self);
        return null;
    }

    /// <summary>Stops forwarding <paramref name="trackIds"/> of <paramref name="owner"/> to everyone else.</summary>
    private void UnpublishFromOthers(Participant owner, List<string> trackIds, bool announce)
    {
        if (trackIds.Count == 0)
        {
            return;
        }

        foreach (var other in _participants)
        {
            if (other == owner)
            {
                continue;
            }

            foreach (var trackId in trackIds)
            {
                other.Peer.Unsubscribe(trackId);
                if (announce)
                {
                    other.Connection?.Send(new TrackUnpublishedEvent(owner.Id, trackId));
                }
            }

            if (announce)
            {
                SendSubscribeOfferIfNeeded(other);
            }
        }
    }

    private static void SendSubscribeOfferIfNeeded(Participant participant)
    {
        if (participant.Connection is not { } connection)
        {
            return; // a reconnect builds fresh peer connections; nothing to offer a missing socket
        }

        var offer = participant.Peer.CreateSubscribeOfferIfNeeded();
        if (offer is null)
        {
            return;
        }

        connection.Send(new SubscribeOfferEvent(
            offer.Sdp,
            [.. offer.Tracks.Select(t => new SubscribedTrackInfo(t.Mid, t.TrackId, t.ParticipantId, WireNames.Kind(t.Kind), WireNames.Source(t.Source)))]));
    }
}
