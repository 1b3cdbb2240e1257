namespace Convene.Domain.Meetings;

/// <summary>The facts about a room that a meeting needs: whether it can be joined and what it allows.</summary>
public sealed record MeetingRoomView(
    string RoomId,
    string RoomName,
    bool IsClosed,
    bool ChatEnabled,
    bool RecordingEnabled,
    bool VirtualBackgroundEnabled,
    bool E2eeEnabled,
    string ModeratorSecret,
    string SpeakerSecret);
