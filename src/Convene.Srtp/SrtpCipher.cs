namespace Convene.Srtp;

/// <summary>The transform of one profile. Buffers hold whole packets; callers have already validated lengths.</summary>
internal abstract class SrtpCipher : IDisposable
{
    /// <summary>Length of the RTP and RTCP authentication tag.</summary>
    public abstract int TagLength { get; }

    /// <summary>Encrypts packet[headerLength..] in place and writes the tag.</summary>
    public abstract void ProtectRtp(Span<byte> packet, int headerLength, uint ssrc, long index, Span<byte> tag);

    /// <summary>Verifies the tag and decrypts packet[headerLength..] in place; false leaves the contents undefined.</summary>
    public abstract bool UnprotectRtp(Span<byte> packet, int headerLength, uint ssrc, long index, ReadOnlySpan<byte> tag);

    /// <summary>
    /// Encrypts buffer[8..length] in place (E = 1), appends the E||index word and the tag in the order the profile
    /// requires; returns the protected length.
    /// </summary>
    public abstract int ProtectRtcp(Span<byte> buffer, int length, uint ssrc, uint index);

    /// <summary>Verifies and decrypts an SRTCP packet; returns the plain length or −1 when authentication fails.</summary>
    public abstract int UnprotectRtcp(Span<byte> buffer, int length, uint ssrc, uint index, bool encrypted);

    public abstract void Dispose();
}
