using System.Text.Json.Serialization;

namespace Convene.Signalling.Protocol;

internal sealed record RecordingStatusEvent(
    string Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RecordingId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? StartedAt) : ServerMessage;
