namespace Convene.Rtp;

/// <summary>RFC 6464 client-to-mixer audio level: V (voice activity) bit and level 0..127 in −dBov.</summary>
public readonly record struct AudioLevel(bool VoiceActivity, byte LevelDbov)
{
    /// <summary>Reads the one-byte value of the ssrc-audio-level extension (extra bytes are allowed and ignored).</summary>
    public static bool TryRead(ReadOnlySpan<byte> extensionValue, out AudioLevel level)
    {
        if (extensionValue.IsEmpty)
        {
            level = default;
            return false;
        }

        level = new AudioLevel((extensionValue[0] & 0x80) != 0, (byte)(extensionValue[0] & 0x7F));
        return true;
    }

    public byte ToByte() => (byte)((VoiceActivity ? 0x80 : 0) | (LevelDbov & 0x7F));

    /// <summary>Linear loudness 0 (silence, 127 dBov down) .. 1 (0 dBov).</summary>
    public double ToLinear() => Math.Pow(10, -LevelDbov / 20.0);
}
