namespace Convene.Server.Auth;

/// <summary>
/// What a token is for, carried in its <c>tokenType</c> claim. Fixes the contract's quirk (§4.2, §13) where access
/// and refresh tokens were interchangeable.
/// </summary>
internal enum TokenType
{
    Access,
    Refresh,
    RoomMember,
}
