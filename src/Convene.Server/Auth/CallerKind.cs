namespace Convene.Server.Auth;

/// <summary>How the caller authenticated.</summary>
internal enum CallerKind
{
    ApiKey,
    User,
    RoomMember,
}
