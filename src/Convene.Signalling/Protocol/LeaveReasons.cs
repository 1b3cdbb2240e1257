namespace Convene.Signalling.Protocol;

/// <summary>Leave reasons, the same values the web component reports in its <c>left</c> event (contract §9).</summary>
internal static class LeaveReasons
{
    public const string VoluntaryLeave = "voluntary_leave";
    public const string NetworkDisconnect = "network_disconnect";
    public const string ServerShutdown = "server_shutdown";
    public const string ParticipantKicked = "participant_kicked";
    public const string MeetingEnded = "meeting_ended";
    public const string MeetingEndedBySelf = "meeting_ended_by_self";
    public const string Unknown = "unknown";
}
