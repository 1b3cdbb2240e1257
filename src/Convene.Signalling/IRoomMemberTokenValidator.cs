using System.Diagnostics.CodeAnalysis;
using Convene.Domain.Members;

namespace Convene.Signalling;

/// <summary>
/// Validates the room member token a client sends in <c>join</c>. Implemented in the server over the room member
/// token service (the JWTs of contract §4.3); signalling only needs the member it yields.
/// </summary>
public interface IRoomMemberTokenValidator
{
    bool TryValidate(string token, [NotNullWhen(true)] out RoomMember? member);
}
