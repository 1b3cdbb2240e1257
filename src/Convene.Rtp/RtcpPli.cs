namespace Convene.Rtp;

/// <summary>Picture Loss Indication (PSFB FMT 1, RFC 4585 §6.3.1): no FCI.</summary>
public static class RtcpPli
{
    public const int Length = 12;

    public static bool TryWrite(Span<byte> destination, uint senderSsrc, uint mediaSsrc, out int written)
    {
        written = 0;
        if (destination.Length < Length)
        {
            return false;
        }

        RtcpFeedback.WriteHeader(destination, RtcpPacketType.PayloadFeedback, RtcpHeader.FmtPli, Length, senderSsrc, mediaSsrc);
        written = Length;
        return true;
    }
}
