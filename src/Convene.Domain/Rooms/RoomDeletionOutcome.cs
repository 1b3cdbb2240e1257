using System.Globalization;

namespace Convene.Domain.Rooms;

/// <summary>The result of deleting one room: its code, the room when the contract returns it, and the wire texts.</summary>
public sealed record RoomDeletionOutcome(string RoomId, RoomDeletionCode Code, Room? Room)
{
    /// <summary>Processed now (200), scheduled for the meeting's end (202), refused (409) or missing (404).</summary>
    public RoomDeletionKind Kind => Code switch
    {
        RoomDeletionCode.RoomWithActiveMeetingScheduledToBeDeleted
            or RoomDeletionCode.RoomWithActiveMeetingAndRecordingsScheduledToBeDeleted
            or RoomDeletionCode.RoomWithActiveMeetingScheduledToBeClosed => RoomDeletionKind.Scheduled,
        RoomDeletionCode.RoomHasActiveMeeting
            or RoomDeletionCode.RoomHasRecordings
            or RoomDeletionCode.RoomWithActiveMeetingHasRecordings
            or RoomDeletionCode.RoomWithActiveMeetingHasRecordingsCannotScheduleDeletion
            or RoomDeletionCode.RoomWithRecordingsHasActiveMeeting => RoomDeletionKind.Conflict,
        RoomDeletionCode.RoomNotFound => RoomDeletionKind.NotFound,
        _ => RoomDeletionKind.Done,
    };

    /// <summary>The contract's code, e.g. <c>room_with_active_meeting_deleted</c>.</summary>
    public string WireCode => ToSnakeCase(Code.ToString());

    /// <summary>The contract's exact message for this outcome.</summary>
    public string Message => Code switch
    {
        RoomDeletionCode.RoomDeleted => F("Room '{0}' deleted successfully"),
        RoomDeletionCode.RoomWithActiveMeetingDeleted => F("Room '{0}' with active meeting deleted successfully"),
        RoomDeletionCode.RoomWithActiveMeetingScheduledToBeDeleted => F("Room '{0}' with active meeting scheduled to be deleted when the meeting ends"),
        RoomDeletionCode.RoomAndRecordingsDeleted => F("Room '{0}' and its recordings deleted successfully"),
        RoomDeletionCode.RoomClosed => F("Room '{0}' has been closed instead of deleted because it has recordings"),
        RoomDeletionCode.RoomWithActiveMeetingAndRecordingsDeleted => F("Room '{0}' with active meeting and its recordings deleted successfully"),
        RoomDeletionCode.RoomWithActiveMeetingClosed => F("Room '{0}' with active meeting has been closed instead of deleted because it has recordings"),
        RoomDeletionCode.RoomWithActiveMeetingAndRecordingsScheduledToBeDeleted => F("Room '{0}' with active meeting and its recordings scheduled to be deleted when the meeting ends"),
        RoomDeletionCode.RoomWithActiveMeetingScheduledToBeClosed => F("Room '{0}' with active meeting scheduled to be closed when the meeting ends because it has recordings"),
        RoomDeletionCode.RoomHasActiveMeeting => F("Room '{0}' cannot be deleted because it has an active meeting."),
        RoomDeletionCode.RoomHasRecordings => F("Room '{0}' cannot be deleted because it has recordings."),
        RoomDeletionCode.RoomWithActiveMeetingHasRecordings => F("Room '{0}' with active meeting cannot be deleted because it has recordings."),
        RoomDeletionCode.RoomWithActiveMeetingHasRecordingsCannotScheduleDeletion => F("Room '{0}' with active meeting cannot be scheduled to be deleted because it has recordings."),
        RoomDeletionCode.RoomWithRecordingsHasActiveMeeting => F("Room '{0}' with recordings cannot be deleted because it has an active meeting."),
        _ => F("Room '{0}' does not exist"),
    };

    private string F(string template) => string.Format(CultureInfo.InvariantCulture, template, RoomId);

    private static string ToSnakeCase(string pascal)
    {
        var builder = new System.Text.StringBuilder(pascal.Length + 8);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c))
            {
                if (i > 0)
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
