using Convene.Domain.Recordings;
using RecordingEntity = Convene.Domain.Recordings.Recording;
using Convene.Server.Http;

namespace Convene.Server.Recordings;

internal static class RecordingMapper
{
    public static RecordingDto ToDto(RecordingEntity r) => new(
        r.RecordingId,
        r.RoomId,
        r.RoomName,
        WireNames.Of(r.Status),
        r.Filename,
        r.StartDate is > 0 ? r.StartDate : null,
        r.EndDate is > 0 ? r.EndDate : null,
        r.Duration is > 0 ? Math.Round(r.Duration.Value, 3) : null,
        r.Size is > 0 ? r.Size : null,
        r.ErrorCode is not 0 ? r.ErrorCode : null,
        r.Error,
        r.Details);
}
