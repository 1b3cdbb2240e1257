using System.Diagnostics.CodeAnalysis;
using Convene.Domain.Members;
using Convene.Server.Auth;
using Convene.Signalling;

namespace Convene.Server.Realtime;

/// <summary>Signalling's view of the room member token service: the <c>join</c> token must be valid and grant joining.</summary>
internal sealed class RoomMemberTokenValidator(RoomMemberTokenService tokens) : IRoomMemberTokenValidator
{
    public bool TryValidate(string token, [NotNullWhen(true)] out RoomMember? member) =>
        tokens.TryValidate(token, out member) && member.CanJoinMeeting && !string.IsNullOrEmpty(member.ParticipantId);
}
