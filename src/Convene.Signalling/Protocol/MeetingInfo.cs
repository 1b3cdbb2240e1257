namespace Convene.Signalling.Protocol;

internal sealed record MeetingInfo(long StartedAt, bool Recording);
