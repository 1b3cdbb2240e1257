namespace Convene.Domain.Members;

/// <summary>A room member's role, decided by the secret of the link they used (contract §4.3–4.4).</summary>
public enum MeetingRole
{
    Moderator,
    Speaker,
}
