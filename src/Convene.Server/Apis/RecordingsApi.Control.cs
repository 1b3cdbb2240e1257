using System.Text.Json;
using Convene.Domain.Recordings;
using Convene.Domain.Rooms;
using Convene.Server.Auth;
using Convene.Server.Http;
using Convene.Server.Recordings;

namespace Convene.Server.Apis;

internal static partial class RecordingsApi
{
    /// <summary>
    /// §5 start: body <c>{roomId}</c>; room 404 and recording-disabled 403 are answered before authentication; only a
    /// room member token of that room with <c>canRecord</c> is accepted (API keys and admin tokens get 401).
    /// </summary>
    private static async Task<IResult> StartAsync(HttpContext http, JsonBodyReader reader, IRoomRepository rooms, RecordingLifecycle lifecycle, BaseUrls urls, CancellationToken cancellationToken)
    {
        var (body, error) = await reader.ReadAsync(http.Request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var errors = new ValidationErrors();
        string? rawRoomId = null;
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.ExpectedType(string.Empty, "object", body);
        }
        else if (!body.TryGetProperty("roomId", out _))
        {
            errors.Add("roomId", "Required");
        }
        else
        {
            rawRoomId = errors.OptionalString(body, "roomId", "roomId");
        }

        if (errors.HasErrors || rawRoomId is null)
        {
            return errors.ToResult();
        }

        if (!RoomIds.TrySanitiseIncoming(rawRoomId, out var roomId, out var idError))
        {
            return ApiErrors.Validation("roomId", idError!);
        }

        var (room, controlError) = await ControlAccessAsync(http, rooms, roomId, cancellationToken);
        if (room is null)
        {
            return controlError!;
        }

        var (recording, startError) = await lifecycle.StartAsync(roomId, room.RoomName, cancellationToken);
        if (recording is null)
        {
            return startError!;
        }

        return TypedResults.Created(urls.For(http.Request) + "/api/v1/recordings/" + recording.RecordingId, RecordingMapper.ToDto(recording));
    }

    private static async Task<IResult> StopAsync(HttpContext http, string recordingId, IRoomRepository rooms, IRecordingRepository repository, RecordingLifecycle lifecycle, BaseUrls urls, CancellationToken cancellationToken)
    {
        if (!RecordingAuthorisation.TryParseId(recordingId, "recordingId", out var id, out var roomId, out var invalid))
        {
            return invalid!;
        }

        var (room, controlError) = await ControlAccessAsync(http, rooms, roomId, cancellationToken);
        if (room is null)
        {
            return controlError!;
        }

        var recording = await repository.FindAsync(id, cancellationToken);
        if (recording is null)
        {
            return RecordingErrors.NotFound(id);
        }

        var (stopped, stopError) = await lifecycle.StopAsync(recording, cancellationToken);
        return stopped is null
            ? stopError!
            : TypedResults.Accepted(urls.For(http.Request) + "/api/v1/recordings/" + id, RecordingMapper.ToDto(stopped));
    }

    /// <summary>
    /// Start/stop access (§4.4): the room must exist (404) and allow recording (403) — both before authentication —
    /// then a member token of that room with <c>canRecord</c> (401/403). The room is null on error.
    /// </summary>
    private static async Task<(Room? Room, IResult? Error)> ControlAccessAsync(HttpContext http, IRoomRepository rooms, string roomId, CancellationToken cancellationToken)
    {
        var room = await rooms.FindAsync(roomId, cancellationToken);
        if (room is null)
        {
            return (null, ApiErrors.RoomNotFound(roomId));
        }

        if (!room.Config.RecordingEnabled)
        {
            return (null, RecordingErrors.Disabled(roomId));
        }

        var authError = await AuthoriseControlAsync(http, roomId);
        return authError is null ? (room, null) : (null, authError);
    }

    private static async Task<IResult?> AuthoriseControlAsync(HttpContext http, string roomId)
    {
        var (caller, error) = await AuthFilter.AuthenticateAsync(http, AuthSchemes.RoomMemberToken, []);
        if (caller is null)
        {
            return error;
        }

        return caller.Member is { } member && member.RoomId == roomId && member.Permissions.CanRecord ? null : ApiErrors.Forbidden();
    }
}
