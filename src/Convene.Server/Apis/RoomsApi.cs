using System.Text.Json;
using Convene.Domain.Members;
using Convene.Domain.Rooms;
using Convene.Domain.Users;
using Convene.Server.Auth;
using Convene.Server.Http;
using Convene.Server.Rooms;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Convene.Server.Apis;

/// <summary>The public rooms API, <c>/api/v1/rooms</c> (contract §3.1–3.8).</summary>
internal static class RoomsApi
{
    private const AuthSchemes KeyOrAdmin = AuthSchemes.ApiKey | AuthSchemes.AccessToken;
    private const AuthSchemes KeyAdminOrMember = KeyOrAdmin | AuthSchemes.RoomMemberToken;

    public static IEndpointRouteBuilder MapRoomsApi(this IEndpointRouteBuilder app)
    {
        var rooms = app.MapGroup("/api/v1/rooms").WithTags("Rooms");

        rooms.MapPost("/", CreateAsync).RequireCaller(KeyOrAdmin, UserRole.Admin)
            .WithName("CreateRoom").WithSummary("Create a room")
            .DocumentsBody<RoomCreateBody>()
            .Produces<RoomDto>(StatusCodes.Status201Created).ProducesErrors(401, 403, 400, 413, 422);
        rooms.MapGet("/", ListAsync).RequireCaller(KeyOrAdmin, UserRole.Admin)
            .WithName("ListRooms").WithSummary("List rooms with filters, projection, sorting and keyset pagination")
            .Produces<RoomListDto>().ProducesErrors(401, 403, 422);
        rooms.MapDelete("/", BulkDeleteAsync).RequireCaller(KeyOrAdmin, UserRole.Admin)
            .WithName("DeleteRooms").WithSummary("Delete several rooms")
            .Produces<BulkDeleteDto>().Produces<BulkDeleteDto>(StatusCodes.Status400BadRequest).ProducesErrors(401, 403, 422);
        rooms.MapGet("/{roomId}", GetAsync).RequireCaller(KeyAdminOrMember, UserRole.Admin)
            .WithName("GetRoom").WithSummary("Get a room")
            .Produces<RoomDto>().ProducesErrors(401, 403, 404, 422);
        rooms.MapDelete("/{roomId}", DeleteAsync).RequireCaller(KeyOrAdmin, UserRole.Admin)
            .WithName("DeleteRoom").WithSummary("Delete a room following the deletion policies")
            .Produces<RoomDeletedDto>().Produces<RoomDeletedDto>(StatusCodes.Status202Accepted).ProducesErrors(401, 403, 404, 409, 422);
        rooms.MapGet("/{roomId}/config", GetConfigAsync).RequireCaller(KeyAdminOrMember, UserRole.Admin)
            .WithName("GetRoomConfig").WithSummary("Get a room's config")
            .Produces<RoomConfigDto>().ProducesErrors(401, 403, 404, 422);
        rooms.MapPut("/{roomId}/config", UpdateConfigAsync).RequireCaller(KeyOrAdmin, UserRole.Admin)
            .WithName("UpdateRoomConfig").WithSummary("Update a room's config (shallow merge per key)")
            .DocumentsBody<RoomConfigBody>()
            .Produces<MessageBody>().ProducesErrors(400, 401, 403, 404, 409, 413, 422);
        rooms.MapPut("/{roomId}/status", UpdateStatusAsync).RequireCaller(KeyOrAdmin, UserRole.Admin)
            .WithName("UpdateRoomStatus").WithSummary("Open or close a room")
            .DocumentsBody<RoomStatusBody>()
            .Produces<RoomStatusDto>().Produces<RoomStatusDto>(StatusCodes.Status202Accepted).ProducesErrors(400, 401, 403, 404, 409, 413, 422);
        return app;
    }

    private static async Task<IResult> CreateAsync(HttpContext http, RoomService rooms, JsonBodyReader reader, BaseUrls urls, CancellationToken cancellationToken)
    {
        var (body, error) = await reader.ReadAsync(http.Request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var errors = new ValidationErrors();
        var request = RoomRequestParser.ParseCreate(body, rooms.NowMs, errors);
        if (request is null)
        {
            return errors.ToResult();
        }

        var room = await rooms.CreateAsync(request, cancellationToken);
        var baseUrl = urls.For(http.Request);
        return TypedResults.Created(baseUrl + "/api/v1/rooms/" + room.RoomId, RoomMapper.ToDto(room, baseUrl));
    }

    private static async Task<IResult> ListAsync(HttpContext http, IRoomRepository repository, BaseUrls urls, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var query = RoomListQueryParser.Parse(http.Request.Query, errors);
        if (query is null)
        {
            return errors.ToResult();
        }

        var page = await repository.ListAsync(query, cancellationToken);
        var baseUrl = urls.For(http.Request);
        var fields = RoomMapper.ParseFields(http.Request.Query["fields"].ToString());
        var items = page.Rooms.Select(r => RoomMapper.ToDto(r, baseUrl));
        IReadOnlyList<object> shown = fields is null
            ? items.ToList()
            : items.Select(dto => (object)RoomMapper.Project(dto, fields, json.Value.SerializerOptions)).ToList();
        var next = page.NextCursor(query.SortField) is { } cursor ? PageToken.Encode(cursor, query.SortField, query.Descending) : null;
        return TypedResults.Ok(new RoomListDto(shown, new PaginationDto(page.IsTruncated, next, query.MaxItems)));
    }

    private static async Task<IResult> GetAsync(HttpContext http, string roomId, RoomService rooms, BaseUrls urls, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var (room, error) = await FindForCallerAsync(http, roomId, rooms, cancellationToken);
        if (room is null)
        {
            return error!;
        }

        var isSpeaker = Caller.Of(http)?.Member?.Role == MeetingRole.Speaker;
        var dto = RoomMapper.ToDto(room, urls.For(http.Request), includeModeratorUrl: !isSpeaker);
        var fields = RoomMapper.ParseFields(http.Request.Query["fields"].ToString());
        return fields is null ? TypedResults.Ok(dto) : TypedResults.Ok(RoomMapper.Project(dto, fields, json.Value.SerializerOptions));
    }

    private static async Task<IResult> GetConfigAsync(HttpContext http, string roomId, RoomService rooms, CancellationToken cancellationToken)
    {
        var (room, error) = await FindForCallerAsync(http, roomId, rooms, cancellationToken);
        return room is null ? error! : TypedResults.Ok(RoomMapper.ToDto(room.Config));
    }

    private static async Task<IResult> UpdateConfigAsync(HttpContext http, string roomId, RoomService rooms, JsonBodyReader reader, CancellationToken cancellationToken)
    {
        var (id, body, error) = await RoomBodyRequest.ReadAsync(reader, http.Request, roomId, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var errors = new ValidationErrors();
        Func<RoomConfig, RoomConfig>? merge = null;
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.ExpectedType(string.Empty, "object", body);
        }
        else if (!body.TryGetProperty("config", out var config))
        {
            errors.Add("config", "Required");
        }
        else
        {
            merge = RoomRequestParser.ParseConfig(config, "config", errors);
        }

        if (merge is null)
        {
            return errors.ToResult();
        }

        var (updated, room) = await rooms.UpdateConfigAsync(id, merge, cancellationToken);
        if (room is null)
        {
            return ApiErrors.RoomNotFound(id);
        }

        return updated
            ? TypedResults.Ok(new MessageBody(ApiErrors.F("Room config for room '{0}' updated successfully", id)))
            : ApiErrors.RoomHasActiveMeeting(id);
    }

    private static async Task<IResult> UpdateStatusAsync(HttpContext http, string roomId, RoomService rooms, JsonBodyReader reader, BaseUrls urls, CancellationToken cancellationToken)
    {
        var (id, body, error) = await RoomBodyRequest.ReadAsync(reader, http.Request, roomId, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var errors = new ValidationErrors();
        RoomStatus? status = null;
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.ExpectedType(string.Empty, "object", body);
        }
        else if (!body.TryGetProperty("status", out var statusValue))
        {
            errors.Add("status", "Required");
        }
        else if (statusValue.ValueKind != JsonValueKind.String)
        {
            errors.ExpectedType("status", "string", statusValue);
        }
        else
        {
            status = statusValue.GetString() switch
            {
                "open" => RoomStatus.Open,
                "closed" => RoomStatus.Closed,
                var other => null,
            };
            if (status is null)
            {
                errors.Add("status", WireNames.InvalidEnumMessage(["open", "closed"], statusValue.GetString()!));
            }
        }

        if (status is not { } wanted)
        {
            return errors.ToResult();
        }

        var (change, room) = await rooms.SetStatusAsync(id, wanted, cancellationToken);
        var baseUrl = urls.For(http.Request);
        return change switch
        {
            RoomStatusChange.NotFound => ApiErrors.RoomNotFound(id),
            RoomStatusChange.RefusedActiveMeeting => ApiErrors.RoomHasActiveMeeting(id),
            RoomStatusChange.ScheduledAtMeetingEnd => TypedResults.Json(
                new RoomStatusDto(ApiErrors.F("Room '{0}' scheduled to be closed when the meeting ends", id), RoomMapper.ToDto(room!, baseUrl)),
                statusCode: StatusCodes.Status202Accepted),
            _ => TypedResults.Ok(new RoomStatusDto(
                ApiErrors.F("Room '{0}' {1} successfully", id, wanted == RoomStatus.Open ? "open" : "closed"), RoomMapper.ToDto(room!, baseUrl))),
        };
    }

    private static async Task<IResult> DeleteAsync(HttpContext http, string roomId, RoomService rooms, BaseUrls urls, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var (withMeeting, withRecordings) = ParsePolicies(http.Request.Query, errors);
        if (!RoomIds.TrySanitiseIncoming(roomId, out var id, out var idError))
        {
            errors.Add("roomId", idError!);
        }

        if (errors.HasErrors)
        {
            return errors.ToResult();
        }

        var outcome = await rooms.DeleteAsync(id, withMeeting, withRecordings, cancellationToken);
        var baseUrl = urls.For(http.Request);
        return outcome.Kind switch
        {
            RoomDeletionKind.NotFound => ApiErrors.RoomNotFound(id),
            RoomDeletionKind.Conflict => ApiErrors.Error(StatusCodes.Status409Conflict, outcome.WireCode, outcome.Message),
            RoomDeletionKind.Scheduled => TypedResults.Json(ToDeletedDto(outcome, baseUrl), statusCode: StatusCodes.Status202Accepted),
            _ => TypedResults.Ok(ToDeletedDto(outcome, baseUrl)),
        };
    }

    private static async Task<IResult> BulkDeleteAsync(HttpContext http, RoomService rooms, BaseUrls urls, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var (withMeeting, withRecordings) = ParsePolicies(http.Request.Query, errors);
        var ids = new List<string>();
        if (!http.Request.Query.TryGetValue("roomIds", out var raw))
        {
            errors.Add("roomIds", "Required");
        }
        else
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var part in raw.SelectMany(v => (v ?? string.Empty).Split(',')))
            {
                var id = RoomIds.SanitiseIncoming(part.Trim());
                if (id.Length > 0 && id.Length <= RoomIds.MaxIncomingLength && seen.Add(id))
                {
                    ids.Add(id);
                }
            }

            if (ids.Count == 0)
            {
                errors.Add("roomIds", "At least one valid roomId is required after sanitization");
            }
        }

        if (errors.HasErrors)
        {
            return errors.ToResult();
        }

        var baseUrl = urls.For(http.Request);
        var successful = new List<BulkDeleteSuccessDto>();
        var failed = new List<BulkDeleteFailureDto>();
        foreach (var id in ids)
        {
            var outcome = await rooms.DeleteAsync(id, withMeeting, withRecordings, cancellationToken);
            switch (outcome.Kind)
            {
                case RoomDeletionKind.NotFound:
                    failed.Add(new BulkDeleteFailureDto(id, "Room Error", outcome.Message));
                    break;
                case RoomDeletionKind.Conflict:
                    failed.Add(new BulkDeleteFailureDto(id, outcome.WireCode, outcome.Message));
                    break;
                default:
                    var dto = ToDeletedDto(outcome, baseUrl);
                    successful.Add(new BulkDeleteSuccessDto(id, dto.SuccessCode, dto.Message, dto.Room));
                    break;
            }
        }

        return failed.Count == 0
            ? TypedResults.Ok(new BulkDeleteDto("All rooms successfully processed for deletion", successful, null))
            : TypedResults.Json(
                new BulkDeleteDto(ApiErrors.F("{0} room(s) failed to process while deleting", failed.Count), successful, failed),
                statusCode: StatusCodes.Status400BadRequest);
    }

    private static RoomDeletedDto ToDeletedDto(RoomDeletionOutcome outcome, string baseUrl) =>
        new(outcome.WireCode, outcome.Message, outcome.Room is null ? null : RoomMapper.ToDto(outcome.Room, baseUrl));

    private static (WithMeetingPolicy, WithRecordingsPolicy) ParsePolicies(IQueryCollection query, ValidationErrors errors)
    {
        var withMeeting = WithMeetingPolicy.Fail;
        var withRecordings = WithRecordingsPolicy.Fail;
        if (query.TryGetValue("withMeeting", out var meeting))
        {
            withMeeting = errors.EnumText<WithMeetingPolicy>(meeting.ToString(), "withMeeting") ?? withMeeting;
        }

        if (query.TryGetValue("withRecordings", out var recordings))
        {
            withRecordings = errors.EnumText<WithRecordingsPolicy>(recordings.ToString(), "withRecordings") ?? withRecordings;
        }

        return (withMeeting, withRecordings);
    }

    /// <summary>Auth is done; validates the id, loads the room and checks a room member's scope (contract §3.4).</summary>
    private static async Task<(Room? Room, IResult? Error)> FindForCallerAsync(HttpContext http, string roomId, RoomService rooms, CancellationToken cancellationToken)
    {
        if (!RoomIds.TrySanitiseIncoming(roomId, out var id, out var idError))
        {
            return (null, ApiErrors.Validation("roomId", idError!));
        }

        var member = Caller.Of(http)?.Member;
        if (member is not null && member.RoomId != id)
        {
            return (null, ApiErrors.Forbidden());
        }

        var room = await rooms.FindAsync(id, cancellationToken);
        return room is null ? (null, ApiErrors.RoomNotFound(id)) : (room, null);
    }
}
