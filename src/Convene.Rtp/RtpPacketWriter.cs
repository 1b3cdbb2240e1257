using System.Buffers.Binary;

namespace Convene.Rtp;

/// <summary>Writes RTP packets (fixed header, optional one-byte header extensions, payload).</summary>
public static class RtpPacketWriter
{
    /// <summary>
    /// Writes a packet with the given header fields, the one-byte extensions in <paramref name="extensions"/>
    /// (encoded as id, length, data… triples: see <see cref="TryWriteOneByteExtension"/>) and the payload.
    /// </summary>
    public static bool TryWrite(
        Span<byte> destination,
        byte payloadType,
        ushort sequenceNumber,
        uint timestamp,
        uint ssrc,
        bool marker,
        ReadOnlySpan<byte> extensionBlock,
        ReadOnlySpan<byte> payload,
        out int written)
    {
        written = 0;
        var extensionPadded = (extensionBlock.Length + 3) & ~3;
        var headerLength = RtpPacket.FixedHeaderLength + (extensionBlock.IsEmpty ? 0 : 4 + extensionPadded);
        if (destination.Length < headerLength + payload.Length || extensionPadded / 4 > ushort.MaxValue)
        {
            return false;
        }

        destination[0] = (byte)(0x80 | (extensionBlock.IsEmpty ? 0 : 0x10));
        destination[1] = (byte)((marker ? 0x80 : 0) | (payloadType & 0x7F));
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], sequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], ssrc);
        if (!extensionBlock.IsEmpty)
        {
            BinaryPrimitives.WriteUInt16BigEndian(destination[12..], RtpExtensionEnumerator.OneByteProfile);
            BinaryPrimitives.WriteUInt16BigEndian(destination[14..], (ushort)(extensionPadded / 4));
            extensionBlock.CopyTo(destination[16..]);
            destination.Slice(16 + extensionBlock.Length, extensionPadded - extensionBlock.Length).Clear();
        }

        payload.CopyTo(destination[headerLength..]);
        written = headerLength + payload.Length;
        return true;
    }

    /// <summary>Appends one one-byte-form element (id 1..14, 1..16 data bytes) to an extension block being built.</summary>
    public static bool TryWriteOneByteExtension(Span<byte> destination, int id, ReadOnlySpan<byte> data, out int written)
    {
        written = 0;
        if (id is < 1 or > 14 || data.Length is < 1 or > 16 || destination.Length < 1 + data.Length)
        {
            return false;
        }

        destination[0] = (byte)((id << 4) | (data.Length - 1));
        data.CopyTo(destination[1..]);
        written = 1 + data.Length;
        return true;
    }
}
