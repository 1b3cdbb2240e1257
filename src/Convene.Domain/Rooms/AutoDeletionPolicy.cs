namespace Convene.Domain.Rooms;

/// <summary>The policies applied when a room reaches its auto-deletion date. <c>Fail</c> is never stored here.</summary>
public sealed record AutoDeletionPolicy(WithMeetingPolicy WithMeeting, WithRecordingsPolicy WithRecordings)
{
    public static AutoDeletionPolicy Default { get; } = new(WithMeetingPolicy.WhenMeetingEnds, WithRecordingsPolicy.Close);
}
