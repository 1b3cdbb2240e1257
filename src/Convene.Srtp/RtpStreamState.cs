namespace Convene.Srtp;

/// <summary>Per-SSRC SRTP state of one direction: rollover counter, highest sequence number and replay window.</summary>
internal sealed class RtpStreamState(int windowSize)
{
    public ReplayWindow Window { get; } = new(windowSize);

    /// <summary>
    /// Estimates the 48-bit packet index of <paramref name="sequence"/> (RFC 3711 Appendix A). A negative result means
    /// the packet would precede index 0 (only possible for a packet older than the first one seen).
    /// </summary>
    public long EstimateIndex(ushort sequence)
    {
        if (!Window.HasAny)
        {
            return sequence;
        }

        long highest = Window.Highest;
        long roc = highest >> 16;
        int sl = (int)(highest & 0xFFFF);
        long v;
        if (sl < 32768)
        {
            v = sequence - sl > 32768 ? roc - 1 : roc;
        }
        else
        {
            v = sl - 32768 > sequence ? roc + 1 : roc;
        }

        return (v << 16) | sequence;
    }
}
