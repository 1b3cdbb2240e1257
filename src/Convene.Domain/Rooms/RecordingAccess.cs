namespace Convene.Domain.Rooms;

/// <summary>Who may see a room's recordings besides admins and API keys (contract §4.4–4.5).</summary>
public enum RecordingAccess
{
    Admin,
    AdminModerator,
    AdminModeratorSpeaker,
}
