namespace Convene.Rtp;

/// <summary>VP8 RTP payload descriptor (RFC 7741 §4.2) and keyframe detection.</summary>
public readonly record struct Vp8Descriptor(
    bool StartOfPartition,
    int PartitionIndex,
    int PictureId,
    int Tl0PicIdx,
    int TemporalLayer,
    int DescriptorLength)
{
    /// <summary>Reads the descriptor; <c>PictureId</c>, <c>Tl0PicIdx</c>, <c>TemporalLayer</c> are −1 when absent.</summary>
    public static bool TryRead(ReadOnlySpan<byte> payload, out Vp8Descriptor descriptor)
    {
        descriptor = default;
        if (payload.IsEmpty)
        {
            return false;
        }

        var b0 = payload[0];
        var position = 1;
        int pictureId = -1, tl0 = -1, tid = -1;
        if ((b0 & 0x80) != 0)
        {
            if (payload.Length < 2)
            {
                return false;
            }

            var x = payload[1];
            position = 2;
            if ((x & 0x80) != 0)
            {
                if (position >= payload.Length)
                {
                    return false;
                }

                if ((payload[position] & 0x80) != 0)
                {
                    if (position + 1 >= payload.Length)
                    {
                        return false;
                    }

                    pictureId = ((payload[position] & 0x7F) << 8) | payload[position + 1];
                    position += 2;
                }
                else
                {
                    pictureId = payload[position];
                    position++;
                }
            }

            if ((x & 0x40) != 0)
            {
                if (position >= payload.Length)
                {
                    return false;
                }

                tl0 = payload[position++];
            }

            if ((x & 0x30) != 0)
            {
                if (position >= payload.Length)
                {
                    return false;
                }

                if ((x & 0x20) != 0)
                {
                    tid = payload[position] >> 6;
                }

                position++;
            }
        }

        descriptor = new Vp8Descriptor((b0 & 0x10) != 0, b0 & 0x07, pictureId, tl0, tid, position);
        return true;
    }

    /// <summary>
    /// True when the packet starts a VP8 keyframe: S=1, partition 0, and the VP8 payload header's P bit (bit 0 of
    /// the first byte) is 0.
    /// </summary>
    public static bool IsKeyframe(ReadOnlySpan<byte> payload) =>
        TryRead(payload, out var d)
        && d.StartOfPartition
        && d.PartitionIndex == 0
        && d.DescriptorLength < payload.Length
        && (payload[d.DescriptorLength] & 0x01) == 0;
}
