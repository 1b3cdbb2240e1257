using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Convene.Ice;

/// <summary>
/// Writes a STUN message into a caller's buffer: header first, then attributes in call order; MESSAGE-INTEGRITY and
/// FINGERPRINT last. Running out of buffer is a programmer error (size the buffer with the constants here) and throws.
/// </summary>
public ref struct StunMessageWriter
{
    private readonly Span<byte> _buffer;
    private int _length;

    /// <summary>Starts a message of <paramref name="type"/> with <paramref name="transactionId"/> (12 bytes).</summary>
    public StunMessageWriter(Span<byte> buffer, StunMessageType type, ReadOnlySpan<byte> transactionId)
    {
        if (transactionId.Length != StunConstants.TransactionIdLength)
        {
            throw new ArgumentException("A STUN transaction id is 12 bytes.", nameof(transactionId));
        }

        if (buffer.Length < StunConstants.HeaderLength)
        {
            throw new ArgumentException("The buffer cannot hold a STUN header.", nameof(buffer));
        }

        _buffer = buffer;
        BinaryPrimitives.WriteUInt16BigEndian(buffer, (ushort)type);
        BinaryPrimitives.WriteUInt16BigEndian(buffer[2..], 0);
        BinaryPrimitives.WriteUInt32BigEndian(buffer[4..], StunConstants.MagicCookie);
        transactionId.CopyTo(buffer[8..]);
        _length = StunConstants.HeaderLength;
    }

    /// <summary>
    /// Writes a complete ICE connectivity check as the controlling agent sends it (test peer, load client):
    /// USERNAME "remoteUfrag:localUfrag", PRIORITY, ICE-CONTROLLING, optional USE-CANDIDATE, MESSAGE-INTEGRITY keyed with
    /// the remote password, FINGERPRINT. Returns the length.
    /// </summary>
    public static int WriteBindingRequest(
        Span<byte> buffer,
        ReadOnlySpan<byte> transactionId,
        IceCredentials local,
        IceCredentials remote,
        uint priority,
        ulong tieBreaker,
        bool useCandidate)
    {
        ArgumentNullException.ThrowIfNull(local);
        ArgumentNullException.ThrowIfNull(remote);
        var writer = new StunMessageWriter(buffer, StunMessageType.BindingRequest, transactionId);
        writer.AddUsername(remote.Ufrag + ":" + local.Ufrag);
        writer.AddPriority(priority);
        writer.AddIceControlling(tieBreaker);
        if (useCandidate)
        {
            writer.AddUseCandidate();
        }

        writer.AddMessageIntegrity(Encoding.UTF8.GetBytes(remote.Password));
        writer.AddFingerprint();
        return writer.Length;
    }

    /// <summary>Bytes written so far (the message length once finished).</summary>
    public readonly int Length => _length;

    /// <summary>The message written so far.</summary>
    public readonly ReadOnlySpan<byte> Written => _buffer[.._length];

    /// <summary>Adds USERNAME (for a request we send: "remoteUfrag:localUfrag").</summary>
    public void AddUsername(string username)
    {
        ArgumentNullException.ThrowIfNull(username);
        int byteCount = Encoding.UTF8.GetByteCount(username);
        if (byteCount > 513)
        {
            throw new ArgumentException("USERNAME is at most 513 bytes.", nameof(username));
        }

        var value = Begin(StunAttributeType.Username, byteCount);
        Encoding.UTF8.GetBytes(username, value);
    }

    /// <summary>Adds PRIORITY.</summary>
    public void AddPriority(uint priority) => BinaryPrimitives.WriteUInt32BigEndian(Begin(StunAttributeType.Priority, 4), priority);

    /// <summary>Adds USE-CANDIDATE.</summary>
    public void AddUseCandidate() => Begin(StunAttributeType.UseCandidate, 0);

    /// <summary>Adds ICE-CONTROLLING with the tie-breaker.</summary>
    public void AddIceControlling(ulong tieBreaker) => BinaryPrimitives.WriteUInt64BigEndian(Begin(StunAttributeType.IceControlling, 8), tieBreaker);

    /// <summary>Adds ICE-CONTROLLED with the tie-breaker.</summary>
    public void AddIceControlled(ulong tieBreaker) => BinaryPrimitives.WriteUInt64BigEndian(Begin(StunAttributeType.IceControlled, 8), tieBreaker);

    /// <summary>Adds ERROR-CODE (300..699) with a reason phrase.</summary>
    public void AddErrorCode(int code, string reason)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(code, 300);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(code, 699);
        ArgumentNullException.ThrowIfNull(reason);
        int reasonBytes = Encoding.UTF8.GetByteCount(reason);
        var value = Begin(StunAttributeType.ErrorCode, 4 + reasonBytes);
        value[0] = 0;
        value[1] = 0;
        value[2] = (byte)(code / 100);
        value[3] = (byte)(code % 100);
        Encoding.UTF8.GetBytes(reason, value[4..]);
    }

    /// <summary>Adds XOR-MAPPED-ADDRESS for an IPv4 or IPv6 socket address (the sockaddr layout .NET uses).</summary>
    public void AddXorMappedAddress(SocketAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var raw = address.Buffer.Span;
        int port = BinaryPrimitives.ReadUInt16BigEndian(raw[2..]);
        switch (address.Family)
        {
            case AddressFamily.InterNetwork:
                AddXorMappedAddress(raw.Slice(4, 4), port);
                break;
            case AddressFamily.InterNetworkV6:
                AddXorMappedAddress(raw.Slice(8, 16), port);
                break;
            default:
                throw new ArgumentException("Only IPv4 and IPv6 addresses can be mapped.", nameof(address));
        }
    }

    /// <summary>Adds XOR-MAPPED-ADDRESS for an IP endpoint.</summary>
    public void AddXorMappedAddress(IPEndPoint endPoint)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        Span<byte> bytes = stackalloc byte[16];
        if (!endPoint.Address.TryWriteBytes(bytes, out int written))
        {
            throw new ArgumentException("Unwritable address.", nameof(endPoint));
        }

        AddXorMappedAddress(bytes[..written], endPoint.Port);
    }

    private void AddXorMappedAddress(scoped ReadOnlySpan<byte> address, int port)
    {
        var value = Begin(StunAttributeType.XorMappedAddress, 4 + address.Length);
        value[0] = 0;
        value[1] = address.Length == 4 ? (byte)0x01 : (byte)0x02;
        BinaryPrimitives.WriteUInt16BigEndian(value[2..], (ushort)(port ^ (int)(StunConstants.MagicCookie >> 16)));
        Span<byte> mask = stackalloc byte[16];
        BinaryPrimitives.WriteUInt32BigEndian(mask, StunConstants.MagicCookie);
        _buffer.Slice(8, StunConstants.TransactionIdLength).CopyTo(mask[4..]);
        for (int i = 0; i < address.Length; i++)
        {
            value[4 + i] = (byte)(address[i] ^ mask[i]);
        }
    }

    /// <summary>Adds MESSAGE-INTEGRITY keyed with <paramref name="key"/> (the UTF-8 ICE password of the verifier).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5350", Justification = "STUN MESSAGE-INTEGRITY is HMAC-SHA1 by definition (RFC 8489 §14.5).")]
    public void AddMessageIntegrity(ReadOnlySpan<byte> key)
    {
        int start = _length;
        var value = Begin(StunAttributeType.MessageIntegrity, 20);
        HMACSHA1.HashData(key, _buffer[..start], value);
    }

    /// <summary>Adds FINGERPRINT; must be the last attribute.</summary>
    public void AddFingerprint()
    {
        int start = _length;
        var value = Begin(StunAttributeType.Fingerprint, 4);
        BinaryPrimitives.WriteUInt32BigEndian(value, StunCrc32.Compute(_buffer[..start]) ^ StunConstants.FingerprintXor);
    }

    /// <summary>
    /// Writes the attribute header, pads, and sets the message length to include the whole attribute (so that
    /// MESSAGE-INTEGRITY and FINGERPRINT, computed right after, see the right length). Returns the value span.
    /// </summary>
    private Span<byte> Begin(ushort type, int valueLength)
    {
        int padded = (valueLength + 3) & ~3;
        int end = _length + 4 + padded;
        if (end > _buffer.Length || end > StunConstants.MaxMessageLength)
        {
            throw new InvalidOperationException("The STUN message does not fit in the buffer.");
        }

        BinaryPrimitives.WriteUInt16BigEndian(_buffer[_length..], type);
        BinaryPrimitives.WriteUInt16BigEndian(_buffer[(_length + 2)..], (ushort)valueLength);
        _buffer.Slice(_length + 4 + valueLength, padded - valueLength).Clear();
        var value = _buffer.Slice(_length + 4, valueLength);
        _length = end;
        BinaryPrimitives.WriteUInt16BigEndian(_buffer[2..], (ushort)(_length - StunConstants.HeaderLength));
        return value;
    }
}
