namespace Convene.Ice;

/// <summary>Wire constants of STUN (RFC 8489).</summary>
public static class StunConstants
{
    /// <summary>The fixed magic cookie in bytes 4..7 of every STUN message.</summary>
    public const uint MagicCookie = 0x2112A442;

    /// <summary>Length of the STUN header.</summary>
    public const int HeaderLength = 20;

    /// <summary>Length of the transaction id.</summary>
    public const int TransactionIdLength = 12;

    /// <summary>The value XOR-ed into the CRC-32 for FINGERPRINT ("STUN").</summary>
    public const uint FingerprintXor = 0x5354554E;

    /// <summary>Length of the MESSAGE-INTEGRITY attribute including its 4-byte header.</summary>
    public const int MessageIntegrityAttributeLength = 24;

    /// <summary>Length of the FINGERPRINT attribute including its 4-byte header.</summary>
    public const int FingerprintAttributeLength = 8;

    /// <summary>Largest STUN message this library handles (fits one datagram on any sane path).</summary>
    public const int MaxMessageLength = 1500;
}
