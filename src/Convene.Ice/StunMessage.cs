using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Convene.Ice;

/// <summary>
/// A parsed STUN message: a view over the packet (no copies). Attribute values are located at parse time;
/// attributes after MESSAGE-INTEGRITY other than FINGERPRINT are ignored (RFC 8489 §14.5), FINGERPRINT must be last.
/// </summary>
public readonly ref struct StunMessage
{
    private readonly int _usernameOffset;
    private readonly int _usernameLength;
    private readonly int _xorMappedOffset;
    private readonly int _xorMappedLength;
    private readonly int _errorOffset;
    private readonly int _errorLength;

    private StunMessage(ReadOnlySpan<byte> packet, Fields f)
    {
        Packet = packet;
        _usernameOffset = f.UsernameOffset;
        _usernameLength = f.UsernameLength;
        _xorMappedOffset = f.XorMappedOffset;
        _xorMappedLength = f.XorMappedLength;
        _errorOffset = f.ErrorOffset;
        _errorLength = f.ErrorLength;
        MessageIntegrityOffset = f.MessageIntegrityOffset;
        FingerprintOffset = f.FingerprintOffset;
        Priority = f.Priority;
        UseCandidate = f.UseCandidate;
        IceControlling = f.IceControlling;
        IceControlled = f.IceControlled;
    }

    /// <summary>The whole message.</summary>
    public ReadOnlySpan<byte> Packet { get; }

    /// <summary>Message type (class and method).</summary>
    public StunMessageType Type => (StunMessageType)BinaryPrimitives.ReadUInt16BigEndian(Packet);

    /// <summary>The 12-byte transaction id.</summary>
    public ReadOnlySpan<byte> TransactionId => Packet.Slice(8, StunConstants.TransactionIdLength);

    /// <summary>Raw USERNAME value, empty when absent.</summary>
    public ReadOnlySpan<byte> Username => _usernameOffset < 0 ? default : Packet.Slice(_usernameOffset, _usernameLength);

    /// <summary>True when USERNAME is present.</summary>
    public bool HasUsername => _usernameOffset >= 0;

    /// <summary>Offset of the MESSAGE-INTEGRITY attribute header, −1 when absent.</summary>
    public int MessageIntegrityOffset { get; }

    /// <summary>True when MESSAGE-INTEGRITY is present.</summary>
    public bool HasMessageIntegrity => MessageIntegrityOffset >= 0;

    /// <summary>Offset of the FINGERPRINT attribute header, −1 when absent.</summary>
    public int FingerprintOffset { get; }

    /// <summary>True when FINGERPRINT is present.</summary>
    public bool HasFingerprint => FingerprintOffset >= 0;

    /// <summary>PRIORITY, if present.</summary>
    public uint? Priority { get; }

    /// <summary>True when USE-CANDIDATE is present.</summary>
    public bool UseCandidate { get; }

    /// <summary>ICE-CONTROLLING tie-breaker, if present.</summary>
    public ulong? IceControlling { get; }

    /// <summary>ICE-CONTROLLED tie-breaker, if present.</summary>
    public ulong? IceControlled { get; }

    /// <summary>ERROR-CODE as a number (e.g. 401), if present.</summary>
    public int? ErrorCode => _errorOffset < 0 ? null : ((Packet[_errorOffset + 2] & 0x07) * 100) + Packet[_errorOffset + 3];

    /// <summary>The ERROR-CODE reason phrase (UTF-8 bytes), empty when absent.</summary>
    public ReadOnlySpan<byte> ErrorReason => _errorOffset < 0 ? default : Packet.Slice(_errorOffset + 4, _errorLength - 4);

    /// <summary>True when the first bytes look like STUN: top two bits zero, the magic cookie, a 4-aligned length.</summary>
    public static bool IsStun(ReadOnlySpan<byte> packet) =>
        packet.Length >= StunConstants.HeaderLength
        && (packet[0] & 0xC0) == 0
        && BinaryPrimitives.ReadUInt32BigEndian(packet[4..]) == StunConstants.MagicCookie
        && (BinaryPrimitives.ReadUInt16BigEndian(packet[2..]) & 3) == 0;

    /// <summary>Parses a STUN message; false for anything malformed. Never throws.</summary>
    public static bool TryParse(ReadOnlySpan<byte> packet, out StunMessage message)
    {
        message = default;
        if (!IsStun(packet) || packet.Length > StunConstants.MaxMessageLength)
        {
            return false;
        }

        int bodyLength = BinaryPrimitives.ReadUInt16BigEndian(packet[2..]);
        if (StunConstants.HeaderLength + bodyLength != packet.Length)
        {
            return false;
        }

        var f = new Fields();
        int offset = StunConstants.HeaderLength;
        while (offset < packet.Length)
        {
            if (offset + 4 > packet.Length || f.FingerprintOffset >= 0)
            {
                return false; // truncated attribute header, or something after FINGERPRINT
            }

            ushort type = BinaryPrimitives.ReadUInt16BigEndian(packet[offset..]);
            int length = BinaryPrimitives.ReadUInt16BigEndian(packet[(offset + 2)..]);
            int value = offset + 4;
            int padded = (length + 3) & ~3;
            if (value + padded > packet.Length)
            {
                return false;
            }

            if (f.MessageIntegrityOffset >= 0 && type != StunAttributeType.Fingerprint)
            {
                offset = value + padded; // ignored after MESSAGE-INTEGRITY
                continue;
            }

            if (!f.Read(packet, type, offset, value, length))
            {
                return false;
            }

            offset = value + padded;
        }

        message = new StunMessage(packet, f);
        return true;
    }

    /// <summary>
    /// Reads USERNAME "localUfrag:remoteUfrag" from a packet (the form in a request we receive: the first part is our
    /// ufrag). False when the packet is not a valid STUN message or USERNAME is absent or has no colon.
    /// </summary>
    public static bool TryReadUsername(ReadOnlySpan<byte> packet, out string localUfrag, out string remoteUfrag)
    {
        localUfrag = string.Empty;
        remoteUfrag = string.Empty;
        if (!TryParse(packet, out var message) || !message.HasUsername)
        {
            return false;
        }

        var username = message.Username;
        int colon = username.IndexOf((byte)':');
        if (colon <= 0)
        {
            return false;
        }

        try
        {
            var strict = new UTF8Encoding(false, true);
            localUfrag = strict.GetString(username[..colon]);
            remoteUfrag = strict.GetString(username[(colon + 1)..]);
            return true;
        }
        catch (DecoderFallbackException)
        {
            localUfrag = string.Empty;
            remoteUfrag = string.Empty;
            return false;
        }
    }

    /// <summary>
    /// Verifies MESSAGE-INTEGRITY (HMAC-SHA1 with <paramref name="key"/>, the UTF-8 ICE password, over the message up
    /// to the attribute with the header length adjusted to end after it) and, when present, FINGERPRINT.
    /// False when the packet is malformed, has no MESSAGE-INTEGRITY, or either check fails.
    /// </summary>
    public static bool VerifyIntegrity(ReadOnlySpan<byte> packet, ReadOnlySpan<byte> key) =>
        TryParse(packet, out var message) && message.HasMessageIntegrity && message.CheckIntegrity(key)
        && (!message.HasFingerprint || message.CheckFingerprint());

    /// <summary>Checks MESSAGE-INTEGRITY of this message with <paramref name="key"/>; false when absent.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5350", Justification = "STUN MESSAGE-INTEGRITY is HMAC-SHA1 by definition (RFC 8489 §14.5).")]
    public bool CheckIntegrity(ReadOnlySpan<byte> key)
    {
        int mi = MessageIntegrityOffset;
        if (mi < 0)
        {
            return false;
        }

        Span<byte> copy = stackalloc byte[mi];
        Packet[..mi].CopyTo(copy);
        BinaryPrimitives.WriteUInt16BigEndian(copy[2..], (ushort)(mi + StunConstants.MessageIntegrityAttributeLength - StunConstants.HeaderLength));
        Span<byte> mac = stackalloc byte[20];
        HMACSHA1.HashData(key, copy, mac);
        return CryptographicOperations.FixedTimeEquals(mac, Packet.Slice(mi + 4, 20));
    }

    /// <summary>Checks FINGERPRINT; false when absent or wrong.</summary>
    public bool CheckFingerprint()
    {
        int fp = FingerprintOffset;
        if (fp < 0)
        {
            return false;
        }

        uint expected = StunCrc32.Compute(Packet[..fp]) ^ StunConstants.FingerprintXor;
        return BinaryPrimitives.ReadUInt32BigEndian(Packet[(fp + 4)..]) == expected;
    }

    /// <summary>Decodes XOR-MAPPED-ADDRESS (IPv4 or IPv6); false when absent or malformed.</summary>
    public bool TryGetXorMappedAddress(out IPEndPoint? endPoint)
    {
        endPoint = null;
        if (_xorMappedOffset < 0)
        {
            return false;
        }

        var value = Packet.Slice(_xorMappedOffset, _xorMappedLength);
        int port = BinaryPrimitives.ReadUInt16BigEndian(value[2..]) ^ (int)(StunConstants.MagicCookie >> 16);
        Span<byte> mask = stackalloc byte[16];
        BinaryPrimitives.WriteUInt32BigEndian(mask, StunConstants.MagicCookie);
        TransactionId.CopyTo(mask[4..]);
        int addressLength = value[1] switch { 0x01 => 4, 0x02 => 16, _ => 0 };
        if (addressLength == 0 || value.Length != 4 + addressLength)
        {
            return false;
        }

        Span<byte> address = stackalloc byte[addressLength];
        for (int i = 0; i < addressLength; i++)
        {
            address[i] = (byte)(value[4 + i] ^ mask[i]);
        }

        endPoint = new IPEndPoint(new IPAddress(address), port);
        return true;
    }

    /// <summary>Offsets found while walking the attributes.</summary>
    private struct Fields
    {
        public int UsernameOffset = -1;
        public int UsernameLength;
        public int XorMappedOffset = -1;
        public int XorMappedLength;
        public int ErrorOffset = -1;
        public int ErrorLength;
        public int MessageIntegrityOffset = -1;
        public int FingerprintOffset = -1;
        public uint? Priority;
        public bool UseCandidate;
        public ulong? IceControlling;
        public ulong? IceControlled;

        public Fields()
        {
        }

        public bool Read(ReadOnlySpan<byte> packet, ushort type, int offset, int value, int length)
        {
            var v = packet.Slice(value, length);
            switch (type)
            {
                case StunAttributeType.Username:
                    if (length > 513)
                    {
                        return false;
                    }

                    UsernameOffset = value;
                    UsernameLength = length;
                    return true;
                case StunAttributeType.MessageIntegrity:
                    if (length != 20)
                    {
                        return false;
                    }

                    MessageIntegrityOffset = offset;
                    return true;
                case StunAttributeType.Fingerprint:
                    if (length != 4)
                    {
                        return false;
                    }

                    FingerprintOffset = offset;
                    return true;
                case StunAttributeType.Priority:
                    if (length != 4)
                    {
                        return false;
                    }

                    Priority = BinaryPrimitives.ReadUInt32BigEndian(v);
                    return true;
                case StunAttributeType.UseCandidate:
                    UseCandidate = length == 0;
                    return length == 0;
                case StunAttributeType.IceControlling:
                    if (length != 8)
                    {
                        return false;
                    }

                    IceControlling = BinaryPrimitives.ReadUInt64BigEndian(v);
                    return true;
                case StunAttributeType.IceControlled:
                    if (length != 8)
                    {
                        return false;
                    }

                    IceControlled = BinaryPrimitives.ReadUInt64BigEndian(v);
                    return true;
                case StunAttributeType.XorMappedAddress:
                    if (length < 8)
                    {
                        return false;
                    }

                    XorMappedOffset = value;
                    XorMappedLength = length;
                    return true;
                case StunAttributeType.ErrorCode:
                    if (length < 4)
                    {
                        return false;
                    }

                    ErrorOffset = value;
                    ErrorLength = length;
                    return true;
                default:
                    return true; // comprehension-optional and unknown attributes are skipped
            }
        }
    }
}
