namespace Convene.Srtp;

/// <summary>Per-SSRC SRTCP state: the next outgoing 31-bit index and the inbound replay window.</summary>
internal sealed class RtcpStreamState(int windowSize)
{
    public const uint MaxIndex = 0x7FFF_FFFF;

    public uint NextSendIndex { get; set; }

    public ReplayWindow Window { get; } = new(windowSize);
}
