using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Convene.Domain.Meetings;
using Convene.Domain.Members;
using Convene.Domain.Rooms;
using Convene.Domain.Users;
using Convene.Server.Auth;
using Convene.Server.Config;
using Convene.Server.Http;

namespace Convene.Server.Apis;

/// <summary>
/// Room member tokens and role lookups: <c>/internal-api/v1/rooms/{roomId}/token|roles</c> (contract §4.3–4.4).
/// Who must be logged in follows the global security config's <c>authModeToAccessRoom</c>.
/// </summary>
internal static class RoomMembersApi
{
    public static IEndpointRouteBuilder MapRoomMembersApi(this IEndpointRouteBuilder app)
    {
        var rooms = app.MapGroup("/internal-api/v1/rooms/{roomId}").WithTags("Room members");
        rooms.MapPost("/token", CreateTokenAsync).WithName("CreateRoomMemberToken")
            .WithSummary("Exchange a room secret (and a participant name) for a room member token")
            .DocumentsBody<RoomMemberTokenBody>()
            .Produces<RoomMemberTokenResponse>().ProducesErrors(400, 404, 409, 413, 422);
        rooms.MapGet("/roles", GetRolesAsync).WithName("GetRoomRoles").WithSummary("Both roles and their permissions")
            .Produces<IReadOnlyList<RoomRoleDto>>().ProducesErrors(404, 422);
        rooms.MapGet("/roles/{secret}", GetRoleAsync).WithName("GetRoomRole").WithSummary("The role and permissions a secret grants")
            .Produces<RoomRoleDto>().ProducesErrors(400, 404, 422);
        return app;
    }

    private static async Task<IResult> CreateTokenAsync(
        HttpContext http,
        string roomId,
        JsonBodyReader reader,
        RoomService rooms,
        RoomMemberTokenService tokens,
        ParticipantNameReservations names,
        IMeetingControl meetings,
        BaseUrls urls,
        GlobalConfigStore config,
        CancellationToken cancellationToken)
    {
        var (id, body, error) = await RoomBodyRequest.ReadAsync(reader, http.Request, roomId, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var errors = new ValidationErrors();
        string? secret = null;
        var grant = false;
        string? participantName = null;
        string? participantIdentity = null;
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.ExpectedType(string.Empty, "object", body);
        }
        else
        {
            if (!body.TryGetProperty("secret", out _))
            {
                errors.Add("secret", "Required");
            }
            else
            {
                secret = errors.OptionalString(body, "secret", "secret");
                if (secret is { Length: 0 })
                {
                    errors.Add("secret", "Secret is required");
                }
            }

            grant = errors.OptionalBool(body, "grantJoinMeetingPermission", "grantJoinMeetingPermission") ?? false;
            participantName = errors.OptionalString(body, "participantName", "participantName")?.Trim();
            participantIdentity = errors.OptionalString(body, "participantIdentity", "participantIdentity");
            if (grant && string.IsNullOrEmpty(participantName) && !errors.Errors.Any(e => e.Field == "participantName"))
            {
                errors.Add("participantName", "participantName is required when grantJoinMeetingPermission is true");
            }
        }

        if (errors.HasErrors || secret is null)
        {
            return errors.ToResult();
        }

        var room = await rooms.FindAsync(id, cancellationToken);
        if (room is null)
        {
            return ApiErrors.RoomNotFound(id);
        }

        if (RoleOf(room, secret) is not { } role)
        {
            return BadSecret(secret, id);
        }

        if (await RequireLoginAsync(http, role, config, cancellationToken) is { } loginError)
        {
            return loginError;
        }

        var permissions = RoomPermissions.For(role, room.Config);
        var baseUrl = urls.For(http.Request);
        if (!grant)
        {
            return TypedResults.Ok(new RoomMemberTokenResponse(tokens.Issue(id, role, permissions, baseUrl, null, null)));
        }

        if (room.Status == RoomStatus.Closed)
        {
            return ApiErrors.Error(StatusCodes.Status409Conflict, "Room Error", ApiErrors.F("Room '{0}' is closed and cannot be joined", id));
        }

        if (!string.IsNullOrEmpty(participantIdentity))
        {
            // Refresh mode: the participant must still be in the meeting; the name is not re-reserved.
            if (!meetings.HasActiveMeeting(id))
            {
                return ApiErrors.Error(StatusCodes.Status404NotFound, "Participant Error",
                    ApiErrors.F("Participant '{0}' not found in room '{1}'", participantIdentity, id));
            }

            return TypedResults.Ok(new RoomMemberTokenResponse(tokens.Issue(id, role, permissions, baseUrl, participantIdentity, participantName)));
        }

        var reserved = names.Reserve(id, participantName!);
        var identity = RoomIds.NewParticipantIdentity(reserved);
        return TypedResults.Ok(new RoomMemberTokenResponse(tokens.Issue(id, role, permissions, baseUrl, identity, reserved)));
    }

    /// <summary>
    /// Contract §4.3: <c>moderators_only</c> → moderators need the access token of a user with role <c>user</c>;
    /// <c>all_users</c> → everybody does. Null when the caller may go on.
    /// </summary>
    private static async Task<IResult?> RequireLoginAsync(HttpContext http, MeetingRole role, GlobalConfigStore config, CancellationToken cancellationToken)
    {
        var mode = (await config.GetSecurityAsync(cancellationToken)).Authentication.AuthModeToAccessRoom;
        var required = mode == AuthModeToAccessRoom.AllUsers || (mode == AuthModeToAccessRoom.ModeratorsOnly && role == MeetingRole.Moderator);
        if (!required)
        {
            return null;
        }

        if (AuthFilter.BearerToken(http.Request, "Authorization", "accessToken") is not { } token)
        {
            return ApiErrors.Unauthorized();
        }

        var (user, error) = await AuthFilter.ValidateAccessTokenAsync(http.RequestServices, token, [UserRole.User], cancellationToken);
        return user is null ? error : null;
    }

    private static async Task<IResult> GetRolesAsync(string roomId, RoomService rooms, CancellationToken cancellationToken)
    {
        if (!RoomIds.TrySanitiseIncoming(roomId, out var id, out var idError))
        {
            return ApiErrors.Validation("roomId", idError!);
        }

        var room = await rooms.FindAsync(id, cancellationToken);
        return room is null
            ? ApiErrors.RoomNotFound(id)
            : TypedResults.Ok(new[] { RoleDto(room, MeetingRole.Moderator), RoleDto(room, MeetingRole.Speaker) });
    }

    private static async Task<IResult> GetRoleAsync(string roomId, string secret, RoomService rooms, CancellationToken cancellationToken)
    {
        if (!RoomIds.TrySanitiseIncoming(roomId, out var id, out var idError))
        {
            return ApiErrors.Validation("roomId", idError!);
        }

        var room = await rooms.FindAsync(id, cancellationToken);
        if (room is null)
        {
            return ApiErrors.RoomNotFound(id);
        }

        return RoleOf(room, secret) is { } role ? TypedResults.Ok(RoleDto(room, role)) : BadSecret(secret, id);
    }

    private static RoomRoleDto RoleDto(Room room, MeetingRole role)
    {
        var livekit = RoomMemberTokenService.VideoGrant(room.RoomId, roomJoin: true);
        return new RoomRoleDto(WireNames.Of(role), new RoomRolePermissionsDto(livekit, RoomPermissions.For(role, room.Config)));
    }

    private static IResult BadSecret(string secret, string roomId) =>
        ApiErrors.Error(StatusCodes.Status400BadRequest, "Room Error", ApiErrors.F("Secret '{0}' is not recognized for room '{1}'", secret, roomId));

    /// <summary>The role a secret grants, compared in constant time; null when it matches neither.</summary>
    private static MeetingRole? RoleOf(Room room, string secret)
    {
        var given = Encoding.UTF8.GetBytes(secret);
        if (CryptographicOperations.FixedTimeEquals(given, Encoding.UTF8.GetBytes(room.ModeratorSecret)))
        {
            return MeetingRole.Moderator;
        }

        return CryptographicOperations.FixedTimeEquals(given, Encoding.UTF8.GetBytes(room.SpeakerSecret)) ? MeetingRole.Speaker : null;
    }
}
