using System.Buffers.Binary;

namespace Convene.Rtp;

/// <summary>H.264 (RFC 6184) keyframe detection: IDR (5) or SPS (7) as a single NAL, inside STAP-A, or FU-A start.</summary>
public static class H264Keyframe
{
    private const int NalIdr = 5;
    private const int NalSps = 7;
    private const int NalStapA = 24;
    private const int NalFuA = 28;

    public static bool IsKeyframe(ReadOnlySpan<byte> payload)
    {
        if (payload.IsEmpty)
        {
            return false;
        }

        var type = payload[0] & 0x1F;
        switch (type)
        {
            case NalIdr or NalSps:
                return true;
            case NalStapA:
                var position = 1;
                while (position + 2 < payload.Length)
                {
                    var size = BinaryPrimitives.ReadUInt16BigEndian(payload[position..]);
                    position += 2;
                    if (size == 0 || position + size > payload.Length)
                    {
                        return false;
                    }

                    var inner = payload[position] & 0x1F;
                    if (inner is NalIdr or NalSps)
                    {
                        return true;
                    }

                    position += size;
                }

                return false;
            case NalFuA:
                return payload.Length >= 2 && (payload[1] & 0x80) != 0 && (payload[1] & 0x1F) is NalIdr or NalSps;
            default:
                return false;
        }
    }
}
