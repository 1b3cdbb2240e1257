namespace Convene.Ice;

/// <summary>CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320) as FINGERPRINT needs it; bitwise, STUN messages are small.</summary>
internal static class StunCrc32
{
    public static uint Compute(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320 ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }
}
