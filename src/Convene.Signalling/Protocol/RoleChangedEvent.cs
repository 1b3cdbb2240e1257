using System.Text.Json.Serialization;

namespace Convene.Signalling.Protocol;

internal sealed record RoleChangedEvent(
    string ParticipantId,
    string Role,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Secret) : ServerMessage;
