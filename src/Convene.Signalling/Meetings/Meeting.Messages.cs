using Convene.Domain.Members;
using Convene.Signalling.Protocol;

namespace Convene.Signalling.Meetings;

/// <summary>Client messages of a joined participant.</summary>
internal sealed partial class Meeting
{
    public async Task HandleAsync(Participant self, ClientMessage message, CancellationToken cancellationToken)
    {
        if (message is LeaveMessage)
        {
            await RemoveAsync(self.Id, LeaveReasons.VoluntaryLeave, LeaveReasons.VoluntaryLeave, actor: null, cancellationToken);
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (self.Removed || _terminated || self.Connection is not { } connection)
            {
                return;
            }

            var error = message switch
            {
                PublishOfferMessage m => HandlePublishOffer(self, connection, m),
                SubscribeAnswerMessage m => HandleSubscribeAnswer(self, m),
                MuteMessage m => HandleMute(self, m),
                SendChatMessage m => HandleChat(self, m),
                RaiseHandMessage m => SetHand(self, m.Raised),
                LowerHandMessage m => HandleLowerHand(self, m),
                SendReactionMessage m => Broadcast(new ReactionEvent(self.Id, m.Emoji)),
                _ => new ErrorEvent(ErrorCodes.BadMessage, "Already joined"),
            };

            if (error is not null)
            {
                connection.Send(error with { RequestId = message.RequestId });
            }
            else if (message.RequestId is not null && message is not PublishOfferMessage)
            {
                connection.Send(new OkEvent { RequestId = message.RequestId });
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private ErrorEvent? HandleMute(Participant self, MuteMessage message)
    {
        if (!self.Tracks.Any(t => t.Track.TrackId == message.TrackId) || !self.Peer.SetMuted(message.TrackId, message.Muted))
        {
            return new ErrorEvent(ErrorCodes.BadMessage, $"Track '{message.TrackId}' is not one of your published tracks");
        }

        Broadcast(new TrackMutedEvent(self.Id, message.TrackId, message.Muted), except: self);
        return null;
    }

    private ErrorEvent? HandleChat(Participant self, SendChatMessage message)
    {
        if (!_room.ChatEnabled)
        {
            return new ErrorEvent(ErrorCodes.ChatDisabled, "Chat is disabled in this room");
        }

        if (!self.Permissions.CanChat)
        {
            return new ErrorEvent(ErrorCodes.Forbidden, "You may not chat in this room");
        }

        var sentAt = _time.GetUtcNow();
        var id = Guid.CreateVersion7(sentAt).ToString("N");
        return Broadcast(new ChatEvent(id, self.Id, self.Name, message.Text.Trim(), sentAt.ToUnixTimeMilliseconds()));
    }

    private ErrorEvent? SetHand(Participant target, bool raised)
    {
        var changed = raised ? target.HandRaisedAt is null : target.HandRaisedAt is not null;
        if (changed)
        {
            target.HandRaisedAt = raised ? Now() : null;
            Broadcast(new ParticipantUpdatedEvent(target.ToInfo()), except: null);
        }

        return null;
    }

    private ErrorEvent? HandleLowerHand(Participant self, LowerHandMessage message)
    {
        if (self.Role != MeetingRole.Moderator && message.ParticipantId != self.Id)
        {
            return new ErrorEvent(ErrorCodes.Forbidden, "Only moderators can lower someone else's hand");
        }

        var target = Find(message.ParticipantId);
        return target is null
            ? new ErrorEvent(ErrorCodes.BadMessage, $"Participant '{message.ParticipantId}' is not in the meeting")
            : SetHand(target, raised: false);
    }

    private ErrorEvent? Broadcast(ServerMessage message)
    {
        Broadcast(message, except: null);
        return null;
    }

    /// <summary>Changes a participant's role; the target alone learns the new role's secret.</summary>
    public async Task<MeetingActionResult> ChangeRoleAsync(string participantId, MeetingRole role, RoomMember actor, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var target = Find(participantId);
            if (target is null || _terminated)
            {
                return MeetingActionResult.ParticipantNotFound;
            }

            if (target.IsOriginalModerator && role != MeetingRole.Moderator && actor.ParticipantId != target.Id)
            {
                return MeetingActionResult.Forbidden;
            }

            target.Role = role;
            var wire = WireNames.Role(role);
            var secret = role == MeetingRole.Moderator ? _room.ModeratorSecret : _room.SpeakerSecret;
            target.Connection?.Send(new RoleChangedEvent(target.Id, wire, secret));
            Broadcast(new RoleChangedEvent(target.Id, wire, null), except: target);
            LogRoleChanged(RoomId, target.Id, role);
            return MeetingActionResult.Done;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Whether the participant is in the meeting (connected or reconnecting).</summary>
    public async Task<bool> ContainsAsync(string participantId, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return Find(participantId) is not null;
        }
        finally
        {
            _gate.Release();
        }
    }
}
