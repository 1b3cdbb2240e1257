namespace Convene.Sfu;

/// <summary>Why the media plane dropped a datagram or packet. Every drop is counted under one reason.</summary>
public enum DropReason
{
    UnknownPacketClass,
    UnboundAddress,
    StunMalformed,
    StunUnknownUsername,
    StunBadIntegrity,
    StunRoleConflict,
    DtlsNotReady,
    DtlsQueueFull,
    SrtpNotReady,
    SrtpAuthenticationFailed,
    SrtpReplay,
    SrtpMalformed,
    RtpMalformed,
    RtpUnknownSsrc,
    RtcpMalformed,
    ConsumerPaused,
    ConsumerWaitingForKeyframe,
    ConsumerTooOld,
    NackNotInRing,
    SendFailed,
    KeyframeRequestThrottled,
}
