using Convene.Domain.Members;
using Convene.Sfu.Api;
using Convene.Signalling.Protocol;

namespace Convene.Signalling.Meetings;

/// <summary>Mutable state of one participant; guarded by its meeting's gate.</summary>
internal sealed class Participant(RoomMember member, long joinedAt, IMediaPeer peer)
{
    public string Id { get; } = member.ParticipantId!;

    public string Name { get; } = member.Name ?? member.ParticipantId!;

    public MeetingRole Role { get; set; } = member.Role;

    /// <summary>Joined with the moderator secret; other moderators cannot demote or kick them.</summary>
    public bool IsOriginalModerator { get; } = member.Role == MeetingRole.Moderator;

    public RoomMemberPermissions Permissions { get; } = member.Permissions;

    public long JoinedAt { get; } = joinedAt;

    public long? HandRaisedAt { get; set; }

    /// <summary>The live socket, or null while the participant is disconnected and may still reconnect.</summary>
    public IParticipantConnection? Connection { get; set; }

    public IMediaPeer Peer { get; set; } = peer;

    public IReadOnlyList<PublishedTrack> Tracks { get; set; } = [];

    /// <summary>Runs out when a disconnected participant did not come back in time.</summary>
    public ITimer? ReconnectTimer { get; set; }

    public bool Removed { get; set; }

    public ParticipantInfo ToInfo() => new(
        Id, Name, WireNames.Role(Role), JoinedAt, HandRaisedAt, IsOriginalModerator, [.. Tracks.Select(t => ToTrackInfo(t.Track))]);

    public static TrackInfo ToTrackInfo(IMediaTrack track) =>
        new(track.TrackId, WireNames.Kind(track.Kind), WireNames.Source(track.Source), track.Muted);
}
