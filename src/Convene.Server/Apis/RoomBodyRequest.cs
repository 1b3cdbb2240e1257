using System.Text.Json;
using Convene.Domain.Rooms;
using Convene.Server.Http;

namespace Convene.Server.Apis;

/// <summary>The common start of a write on <c>/rooms/{roomId}/…</c>: validate the path's room id, then read the JSON body.</summary>
internal static class RoomBodyRequest
{
    /// <summary>
    /// The sanitised room id and the body, or the error to answer with: the id's 422 first (the body is then not
    /// read), else the body reader's 400/413.
    /// </summary>
    public static async Task<(string RoomId, JsonElement Body, IResult? Error)> ReadAsync(
        JsonBodyReader reader, HttpRequest request, string roomId, CancellationToken cancellationToken)
    {
        if (!RoomIds.TrySanitiseIncoming(roomId, out var id, out var idError))
        {
            return (id, default, ApiErrors.Validation("roomId", idError!));
        }

        var (body, error) = await reader.ReadAsync(request, cancellationToken);
        return (id, body, error);
    }
}
