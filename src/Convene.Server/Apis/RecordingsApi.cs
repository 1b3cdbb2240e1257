using System.Globalization;
using System.Text;
using System.Text.Json;
using Convene.Domain.Recordings;
using Convene.Domain.Rooms;
using Convene.Server.Auth;
using Convene.Server.Http;
using Convene.Server.Recordings;
using Convene.Server.Rooms;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Convene.Server.Apis;

/// <summary>Recordings: public <c>/api/v1/recordings</c> (contract §3.9–3.16) and internal start/stop (§5).</summary>
internal static partial class RecordingsApi
{
    public static IEndpointRouteBuilder MapRecordingsApi(this IEndpointRouteBuilder app)
    {
        var recordings = app.MapGroup("/api/v1/recordings").WithTags("Recordings");
        recordings.MapGet("/", ListAsync).WithName("ListRecordings").WithSummary("List recordings with filters and pagination")
            .Produces<RecordingListDto>().ProducesErrors(401, 403, 422);
        recordings.MapDelete("/", BulkDeleteAsync).WithName("DeleteRecordings").WithSummary("Delete several recordings")
            .Produces(200).Produces(400).ProducesErrors(401, 403, 422);
        recordings.MapGet("/download", DownloadAsync).WithName("DownloadRecordings").WithSummary("Download several recordings as a ZIP")
            .Produces(200, contentType: "application/zip").ProducesErrors(400, 401, 403, 422);
        recordings.MapGet("/{recordingId}", GetAsync).WithName("GetRecording").WithSummary("Get a recording")
            .Produces<RecordingDto>().ProducesErrors(400, 401, 403, 404, 422);
        recordings.MapDelete("/{recordingId}", DeleteAsync).WithName("DeleteRecording").WithSummary("Delete a recording and its files")
            .Produces<MessageBody>().ProducesErrors(401, 403, 404, 409, 422);
        recordings.MapGet("/{recordingId}/media", MediaAsync).WithName("GetRecordingMedia").WithSummary("Stream the MP4, with HTTP Range")
            .Produces(200, contentType: "video/mp4").Produces(206, contentType: "video/mp4").ProducesErrors(400, 401, 403, 404, 409, 416, 422);
        recordings.MapGet("/{recordingId}/url", UrlAsync).WithName("GetRecordingUrl").WithSummary("A share link with the public or private secret")
            .Produces<UrlBody>().ProducesErrors(401, 403, 404, 422);
        recordings.MapGet("/{recordingId}/tracks", TracksAsync).WithName("ListRecordingTracks").WithSummary("Per-track WebM files of a recording (Convene extension)")
            .ProducesErrors(400, 401, 403, 404, 422);
        recordings.MapGet("/{recordingId}/tracks/{fileName}", TrackFileAsync).WithName("GetRecordingTrack").WithSummary("Download one per-track WebM file (Convene extension)")
            .Produces(200, contentType: "video/webm").ProducesErrors(400, 401, 403, 404, 422);

        var internalApi = app.MapGroup("/internal-api/v1/recordings").WithTags("Recordings (internal)");
        internalApi.MapPost("/", StartAsync).WithName("StartRecording").WithSummary("Start recording a room's meeting (moderator token)")
            .Produces<RecordingDto>(201).ProducesErrors(400, 401, 403, 404, 409, 422, 503);
        internalApi.MapPost("/{recordingId}/stop", StopAsync).WithName("StopRecording").WithSummary("Stop a recording (moderator token)")
            .Produces<RecordingDto>(202).ProducesErrors(401, 403, 404, 409, 422);
        return app;
    }

    private static async Task<IResult> ListAsync(HttpContext http, IRecordingRepository repository, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var q = http.Request.Query;
        var errors = new ValidationErrors();
        var maxItems = RoomListQueryParser.ParseMaxItems(q["maxItems"].ToString(), q.ContainsKey("maxItems"), errors);
        RecordingStatus? status = q.ContainsKey("status") ? errors.EnumText<RecordingStatus>(q["status"].ToString(), "status") : null;
        var sortField = RecordingSortField.StartDate;
        if (q.ContainsKey("sortField"))
        {
            sortField = q["sortField"].ToString() switch
            {
                "startDate" => RecordingSortField.StartDate,
                "roomName" => RecordingSortField.RoomName,
                "duration" => RecordingSortField.Duration,
                "size" => RecordingSortField.Size,
                var other => Invalid(errors, "sortField", ["startDate", "roomName", "duration", "size"], other),
            };
        }

        var descending = true;
        if (q.ContainsKey("sortOrder"))
        {
            var order = q["sortOrder"].ToString();
            descending = order != "asc";
            if (order is not ("asc" or "desc"))
            {
                errors.Add("sortOrder", WireNames.InvalidEnumMessage(["asc", "desc"], order));
            }
        }

        var offset = 0;
        var token = q["nextPageToken"].ToString();
        if (token.Length > 0 && !TryDecodeOffset(token, out offset))
        {
            errors.Add("nextPageToken", "Invalid page token");
        }

        string? roomId = null;
        if (q["roomId"].ToString() is { Length: > 0 } rawRoom)
        {
            roomId = RoomIds.SanitiseIncoming(rawRoom);
        }

        if (errors.HasErrors)
        {
            return errors.ToResult();
        }

        var (caller, authError) = await RecordingAuthorisation.AuthenticateAsync(http);
        if (caller is null)
        {
            return authError;
        }

        var andRoom = false;
        if (caller.Member is { } member)
        {
            if (!member.Permissions.CanRetrieveRecordings)
            {
                return ApiErrors.Forbidden();
            }

            roomId = member.RoomId; // the token's room only, and a roomName filter narrows it (never widens)
            andRoom = true;
        }

        var roomName = q["roomName"].ToString();
        var query = new RecordingListQuery(roomId, roomName.Length == 0 ? null : roomName, status, sortField, descending, maxItems, offset, andRoom);
        var (items, truncated) = await repository.ListAsync(query, cancellationToken);
        var fields = RoomMapper.ParseFields(q["fields"].ToString());
        var dtos = items.Select(RecordingMapper.ToDto);
        IReadOnlyList<object> shown = fields is null ? [.. dtos] : [.. dtos.Select(d => (object)Project(d, fields, json.Value.SerializerOptions))];
        var next = truncated ? EncodeOffset(offset + items.Count) : null;
        return TypedResults.Ok(new RecordingListDto(shown, new PaginationDto(truncated, next, maxItems)));
    }

    private static async Task<IResult> GetAsync(HttpContext http, string recordingId, IRecordingRepository repository, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        if (!RecordingAuthorisation.TryParseId(recordingId, "recordingId", out var id, out _, out var invalid))
        {
            return invalid!;
        }

        var (recording, error) = await RecordingAuthorisation.AuthoriseReadAsync(http, id, repository, cancellationToken);
        if (recording is null)
        {
            return error!;
        }

        var dto = RecordingMapper.ToDto(recording);
        var fields = RoomMapper.ParseFields(http.Request.Query["fields"].ToString());
        return fields is null ? TypedResults.Ok(dto) : TypedResults.Ok(Project(dto, fields, json.Value.SerializerOptions));
    }

    private static async Task<IResult> DeleteAsync(HttpContext http, string recordingId, IRecordingRepository repository, IRecordingStorage storage, CancellationToken cancellationToken)
    {
        var (id, recording, error) = await RecordingAuthorisation.AuthoriseAsync(http, recordingId, repository, RecordingAuthorisation.CanDelete, cancellationToken);
        if (recording is null)
        {
            return error!;
        }

        if (!RecordingIds.IsFinished(recording.Status))
        {
            return RecordingErrors.NotStopped(id);
        }

        storage.DeleteRecordingFiles(recording.RoomId, Path.GetFileNameWithoutExtension(recording.Filename));
        await repository.DeleteAsync(id, cancellationToken);
        return TypedResults.Ok(new MessageBody(ApiErrors.F("Recording '{0}' deleted successfully", id)));
    }

    private static async Task<IResult> BulkDeleteAsync(HttpContext http, IRecordingRepository repository, IRecordingStorage storage, CancellationToken cancellationToken)
    {
        var (ids, caller, error) = await ParseIdListAndAuthenticateAsync(http);
        if (caller is null)
        {
            return error!;
        }

        if (caller.Member is { Permissions.CanDeleteRecordings: false })
        {
            return ApiErrors.Forbidden();
        }

        var deleted = new List<string>();
        var failed = new List<BulkFailure>();
        foreach (var id in ids)
        {
            var recording = await repository.FindAsync(id, cancellationToken);
            if (caller.Member is { } member && RecordingIds.TryParse(id, out _, out var idRoom, out _) && idRoom != member.RoomId)
            {
                failed.Add(new BulkFailure(id, ApiErrors.F("Recording '{0}' does not belong to room '{1}'", id, member.RoomId)));
            }
            else if (recording is null)
            {
                failed.Add(new BulkFailure(id, ApiErrors.F("Recording '{0}' not found", id)));
            }
            else if (!RecordingIds.IsFinished(recording.Status))
            {
                failed.Add(new BulkFailure(id, RecordingErrors.NotStoppedMessage(id)));
            }
            else
            {
                storage.DeleteRecordingFiles(recording.RoomId, Path.GetFileNameWithoutExtension(recording.Filename));
                await repository.DeleteAsync(id, cancellationToken);
                deleted.Add(id);
            }
        }

        return failed.Count == 0 && deleted.Count > 0
            ? TypedResults.Ok(new BulkDeleteBody("All recordings deleted successfully", deleted, null))
            : TypedResults.Json(new BulkDeleteBody(ApiErrors.F("{0} recording(s) could not be deleted", failed.Count), deleted, failed), statusCode: 400);
    }

    private static async Task<IResult> UrlAsync(HttpContext http, string recordingId, IRecordingRepository repository, BaseUrls urls, CancellationToken cancellationToken)
    {
        var (id, recording, error) = await RecordingAuthorisation.AuthoriseAsync(http, recordingId, repository, RecordingAuthorisation.CanRetrieve, cancellationToken);
        if (recording is null)
        {
            return error!;
        }

        var privateAccess = http.Request.Query["privateAccess"].ToString().Trim().Equals("true", StringComparison.OrdinalIgnoreCase);
        var secret = privateAccess ? recording.PrivateSecret : recording.PublicSecret;
        return TypedResults.Ok(new UrlBody(urls.For(http.Request) + "/recording/" + Uri.EscapeDataString(id) + "?secret=" + secret));
    }

    /// <summary>A bulk action's <c>recordingIds</c> (422 when invalid), then K, A or M (401); the caller is null on error.</summary>
    private static async Task<(List<string> Ids, Caller? Caller, IResult? Error)> ParseIdListAndAuthenticateAsync(HttpContext http)
    {
        var (ids, invalid) = ParseIdList(http.Request.Query);
        if (invalid is not null)
        {
            return (ids, null, invalid);
        }

        var (caller, authError) = await RecordingAuthorisation.AuthenticateAsync(http);
        return (ids, caller, caller is null ? authError : null);
    }

    /// <summary>Ids from <c>recordingIds</c> (CSV or repeated), trimmed, validated per index, de-duplicated.</summary>
    private static (List<string> Ids, IResult? Error) ParseIdList(IQueryCollection query)
    {
        var raw = query["recordingIds"].SelectMany(v => (v ?? string.Empty).Split(',')).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
        if (raw.Count == 0)
        {
            return ([], ApiErrors.Validation("recordingIds", "recordingIds must contain at least one item"));
        }

        var errors = new ValidationErrors();
        var ids = new List<string>();
        for (var i = 0; i < raw.Count; i++)
        {
            if (RecordingIds.TryParse(raw[i], out var id, out _, out _))
            {
                if (!ids.Contains(id))
                {
                    ids.Add(id);
                }
            }
            else
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"recordingIds.{i}"), RecordingIds.FormatError);
            }
        }

        return errors.HasErrors ? ([], errors.ToResult()) : (ids, null);
    }

    private static System.Text.Json.Nodes.JsonObject Project(RecordingDto dto, HashSet<string> fields, JsonSerializerOptions options)
    {
        var node = JsonSerializer.SerializeToNode(dto, options)!.AsObject();
        foreach (var name in node.Select(p => p.Key).ToList())
        {
            if (!fields.Contains(name))
            {
                node.Remove(name);
            }
        }

        return node;
    }

    private static RecordingSortField Invalid(ValidationErrors errors, string field, string[] allowed, string received)
    {
        errors.Add(field, WireNames.InvalidEnumMessage(allowed, received));
        return RecordingSortField.StartDate;
    }

    private static string EncodeOffset(int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{{\"offset\":{offset}}}")));

    private static bool TryDecodeOffset(string token, out int offset)
    {
        offset = 0;
        try
        {
            using var doc = JsonDocument.Parse(Convert.FromBase64String(token));
            return doc.RootElement.TryGetProperty("offset", out var value) && value.TryGetInt32(out offset) && offset >= 0;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return false;
        }
    }
}
