namespace Convene.Signalling;

/// <summary>Outcome of a moderator action on a meeting (kick, role change).</summary>
public enum MeetingActionResult
{
    Done,

    /// <summary>No meeting in the room, or no such participant in it.</summary>
    ParticipantNotFound,

    /// <summary>The target is an original moderator, whom other moderators cannot kick or demote.</summary>
    Forbidden,
}
