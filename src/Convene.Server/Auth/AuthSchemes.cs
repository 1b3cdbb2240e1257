namespace Convene.Server.Auth;

/// <summary>The credentials a route accepts, tried in this order (contract §4.1): API key, access token, room member token.</summary>
[Flags]
internal enum AuthSchemes
{
    None = 0,
    ApiKey = 1,
    AccessToken = 2,
    RoomMemberToken = 4,
}
