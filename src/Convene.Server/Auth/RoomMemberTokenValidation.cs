namespace Convene.Server.Auth;

/// <summary>Why a room member token was refused: bad signature/expired (401) or unreadable metadata (400).</summary>
internal enum RoomMemberTokenValidation
{
    Valid,
    InvalidToken,
    InvalidMetadata,
}
