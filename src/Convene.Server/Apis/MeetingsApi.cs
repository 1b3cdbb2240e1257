using System.Text.Json;
using Convene.Domain.Members;
using Convene.Server.Auth;
using Convene.Server.Http;
using Convene.Server.Realtime;
using Convene.Signalling;

namespace Convene.Server.Apis;

/// <summary>
/// Moderator actions on a running meeting (contract §5): end the meeting, kick a participant, change a role.
/// Only a room member token of a moderator of that room is accepted; admin tokens and API keys are 401 here.
/// </summary>
internal static class MeetingsApi
{
    private static readonly string[] Roles = ["moderator", "speaker"];

    public static WebApplication MapMeetingsApi(this WebApplication app)
    {
        var meetings = app.MapGroup("/internal-api/v1/meetings/{roomId}").WithTags("Meetings");
        meetings.MapDelete("/", EndAsync).WithName("EndMeeting").WithSummary("End the room's meeting for everyone")
            .Produces<MessageBody>().ProducesErrors(401, 403);
        meetings.MapDelete("/participants/{participantIdentity}", KickAsync).WithName("KickParticipant")
            .WithSummary("Remove a participant from the meeting").Produces<MessageBody>().ProducesErrors(401, 403, 404);
        meetings.MapPut("/participants/{participantIdentity}/role", ChangeRoleAsync).WithName("ChangeParticipantRole")
            .WithSummary("Change a participant's role").DocumentsBody<ParticipantRoleBody>()
            .Produces<MessageBody>().ProducesErrors(400, 401, 403, 404, 422);
        return app;
    }

    private static async Task<IResult> EndAsync(HttpContext http, string roomId, MeetingRegistry registry, CancellationToken cancellationToken)
    {
        var (member, error) = await AuthenticateModeratorAsync(http, roomId);
        if (member is null)
        {
            return error!;
        }

        await registry.EndMeetingAsync(roomId, member.ParticipantId, cancellationToken);

        return TypedResults.Ok(new MessageBody(ApiErrors.F("Meeting in room '{0}' ended successfully", roomId)));
    }

    private static async Task<IResult> KickAsync(HttpContext http, string roomId, string participantIdentity, MeetingRegistry registry, CancellationToken cancellationToken)
    {
        var (member, error) = await AuthenticateModeratorAsync(http, roomId);
        if (member is null)
        {
            return error!;
        }

        var result = await registry.KickAsync(roomId, participantIdentity, member, cancellationToken);
        return result switch
        {
            MeetingActionResult.Done => TypedResults.Ok(new MessageBody(ApiErrors.F("Participant '{0}' kicked successfully from meeting in room '{1}'", participantIdentity, roomId))),
            MeetingActionResult.Forbidden => ApiErrors.Forbidden(),
            _ => ParticipantNotFound(roomId, participantIdentity),
        };
    }

    private static async Task<IResult> ChangeRoleAsync(
        HttpContext http, string roomId, string participantIdentity, JsonBodyReader reader, MeetingRegistry registry, CancellationToken cancellationToken)
    {
        var (member, error) = await AuthenticateModeratorAsync(http, roomId);
        if (member is null)
        {
            return error!;
        }

        var (body, bodyError) = await reader.ReadAsync(http.Request, cancellationToken);
        if (bodyError is not null)
        {
            return bodyError;
        }

        if (body.ValueKind != JsonValueKind.Object)
        {
            return ApiErrors.Validation(string.Empty, "Expected object, received " + ValidationErrors.TypeName(body));
        }

        if (!body.TryGetProperty("role", out var roleValue))
        {
            return ApiErrors.Validation("role", "Required");
        }

        if (roleValue.ValueKind != JsonValueKind.String)
        {
            return ApiErrors.Validation("role", "Expected 'moderator' | 'speaker', received " + ValidationErrors.TypeName(roleValue));
        }

        var roleText = roleValue.GetString()!;
        if (!Roles.Contains(roleText))
        {
            return ApiErrors.Validation("role", WireNames.InvalidEnumMessage(Roles, roleText));
        }

        var role = roleText == "moderator" ? MeetingRole.Moderator : MeetingRole.Speaker;
        var result = await registry.ChangeRoleAsync(roomId, participantIdentity, role, member, cancellationToken);
        return result switch
        {
            MeetingActionResult.Done => TypedResults.Ok(new MessageBody(ApiErrors.F("Participant '{0}' role updated to '{1}'", participantIdentity, roleText))),
            MeetingActionResult.Forbidden => ApiErrors.Forbidden(),
            _ => ParticipantNotFound(roomId, participantIdentity),
        };
    }

    /// <summary>Only a room member token (header or query) counts; it must be a moderator's of this room.</summary>
    private static async Task<(RoomMember? Member, IResult? Error)> AuthenticateModeratorAsync(HttpContext http, string roomId)
    {
        var (caller, error) = await AuthFilter.AuthenticateAsync(http, AuthSchemes.RoomMemberToken, []);
        if (caller?.Member is not { } member)
        {
            return (null, error);
        }

        return member.Role == MeetingRole.Moderator && string.Equals(member.RoomId, roomId, StringComparison.Ordinal)
            ? (member, null)
            : (null, ApiErrors.Forbidden());
    }

    private static IResult ParticipantNotFound(string roomId, string participantIdentity) =>
        ApiErrors.Error(StatusCodes.Status404NotFound, "Participant Error", ApiErrors.F("Participant '{0}' not found in room '{1}'", participantIdentity, roomId));
}
