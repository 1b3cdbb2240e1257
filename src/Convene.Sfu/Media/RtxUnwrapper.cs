using System.Buffers.Binary;
using Convene.Rtp;

namespace Convene.Sfu.Media;

/// <summary>RFC 4588: turns an RTX packet back into the original packet, in place.</summary>
internal static class RtxUnwrapper
{
    /// <summary>
    /// Restores the original sequence number (the 2-byte OSN at the start of the payload), payload type and SSRC.
    /// The header moves 2 bytes forward over the OSN; the restored packet is <c>buffer[2..]</c>.
    /// Returns false for padding-only (probe) RTX packets or malformed ones.
    /// </summary>
    public static bool TryUnwrap(Span<byte> buffer, byte originalPayloadType, uint originalSsrc, out int offset)
    {
        offset = 0;
        if (!RtpPacket.TryParse(buffer, out var rtx) || rtx.PayloadLength < 3)
        {
            return false;
        }

        var headerLength = rtx.HeaderLength;
        var osn = BinaryPrimitives.ReadUInt16BigEndian(buffer[headerLength..]);
        buffer[..headerLength].CopyTo(buffer[2..]);
        offset = 2;
        if (!RtpPacket.TryParse(buffer[2..], out var restored))
        {
            return false;
        }

        restored.SequenceNumber = osn;
        restored.PayloadType = originalPayloadType;
        restored.Ssrc = originalSsrc;
        return true;
    }
}
