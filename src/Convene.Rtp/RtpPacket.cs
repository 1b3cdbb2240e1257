using System.Buffers.Binary;

namespace Convene.Rtp;

/// <summary>
/// A view over one RTP packet (RFC 3550 §5.1) in a mutable buffer. Parsing validates every length so the
/// accessors never read outside the buffer; setters rewrite the header in place (the SFU's munging path).
/// </summary>
public readonly ref struct RtpPacket
{
    /// <summary>Size of the fixed header.</summary>
    public const int FixedHeaderLength = 12;

    private readonly Span<byte> _buffer;

    private RtpPacket(Span<byte> buffer, int headerLength, int extensionOffset, int extensionLength, int paddingLength)
    {
        _buffer = buffer;
        HeaderLength = headerLength;
        ExtensionOffset = extensionOffset;
        ExtensionLength = extensionLength;
        PaddingLength = paddingLength;
    }

    /// <summary>The whole packet (header, payload and padding).</summary>
    public Span<byte> Buffer => _buffer;

    public int Length => _buffer.Length;

    /// <summary>Fixed header + CSRCs + extension block.</summary>
    public int HeaderLength { get; }

    /// <summary>Offset of the extension data (after the 4-byte extension header), or 0 without extension.</summary>
    public int ExtensionOffset { get; }

    /// <summary>Length in bytes of the extension data (without its 4-byte header).</summary>
    public int ExtensionLength { get; }

    public int PaddingLength { get; }

    public bool HasPadding => (_buffer[0] & 0x20) != 0;

    public bool HasExtension => (_buffer[0] & 0x10) != 0;

    public int CsrcCount => _buffer[0] & 0x0F;

    public bool Marker
    {
        get => (_buffer[1] & 0x80) != 0;
        set => _buffer[1] = (byte)(value ? _buffer[1] | 0x80 : _buffer[1] & 0x7F);
    }

    public byte PayloadType
    {
        get => (byte)(_buffer[1] & 0x7F);
        set => _buffer[1] = (byte)((_buffer[1] & 0x80) | (value & 0x7F));
    }

    public ushort SequenceNumber
    {
        get => BinaryPrimitives.ReadUInt16BigEndian(_buffer[2..]);
        set => BinaryPrimitives.WriteUInt16BigEndian(_buffer[2..], value);
    }

    public uint Timestamp
    {
        get => BinaryPrimitives.ReadUInt32BigEndian(_buffer[4..]);
        set => BinaryPrimitives.WriteUInt32BigEndian(_buffer[4..], value);
    }

    public uint Ssrc
    {
        get => BinaryPrimitives.ReadUInt32BigEndian(_buffer[8..]);
        set => BinaryPrimitives.WriteUInt32BigEndian(_buffer[8..], value);
    }

    /// <summary>The extension profile (0xBEDE one-byte, 0x100x two-byte), or 0 without extension.</summary>
    public ushort ExtensionProfile =>
        HasExtension ? BinaryPrimitives.ReadUInt16BigEndian(_buffer[(ExtensionOffset - 4)..]) : (ushort)0;

    public int PayloadOffset => HeaderLength;

    public int PayloadLength => _buffer.Length - HeaderLength - PaddingLength;

    public Span<byte> Payload => _buffer.Slice(HeaderLength, PayloadLength);

    public uint GetCsrc(int index) =>
        (uint)index < (uint)CsrcCount ? BinaryPrimitives.ReadUInt32BigEndian(_buffer[(FixedHeaderLength + (4 * index))..]) : 0;

    /// <summary>True for version-2 datagrams whose second byte is not an RTCP packet type (RFC 5761 §4).</summary>
    public static bool LooksLikeRtp(ReadOnlySpan<byte> datagram) =>
        datagram.Length >= FixedHeaderLength && (datagram[0] & 0xC0) == 0x80 && !RtcpHeader.IsRtcpPacketType(datagram[1]);

    /// <summary>Parses <paramref name="buffer"/> (exactly one packet). Never throws.</summary>
    public static bool TryParse(Span<byte> buffer, out RtpPacket packet)
    {
        packet = default;
        if (buffer.Length < FixedHeaderLength || (buffer[0] & 0xC0) != 0x80)
        {
            return false;
        }

        var headerLength = FixedHeaderLength + (4 * (buffer[0] & 0x0F));
        if (buffer.Length < headerLength)
        {
            return false;
        }

        var extensionOffset = 0;
        var extensionLength = 0;
        if ((buffer[0] & 0x10) != 0)
        {
            if (buffer.Length < headerLength + 4)
            {
                return false;
            }

            extensionLength = 4 * BinaryPrimitives.ReadUInt16BigEndian(buffer[(headerLength + 2)..]);
            extensionOffset = headerLength + 4;
            headerLength = extensionOffset + extensionLength;
            if (buffer.Length < headerLength)
            {
                return false;
            }
        }

        var paddingLength = 0;
        if ((buffer[0] & 0x20) != 0)
        {
            paddingLength = buffer[^1];
            if (paddingLength == 0 || headerLength + paddingLength > buffer.Length)
            {
                return false;
            }
        }

        packet = new RtpPacket(buffer, headerLength, extensionOffset, extensionLength, paddingLength);
        return true;
    }

    /// <summary>Finds header extension <paramref name="id"/> (one-byte or two-byte form).</summary>
    public bool TryGetExtension(int id, out ReadOnlySpan<byte> value)
    {
        var enumerator = new RtpExtensionEnumerator(ExtensionData, ExtensionProfile);
        while (enumerator.MoveNext())
        {
            if (enumerator.Current.Id == id)
            {
                value = ExtensionData.Slice(enumerator.Current.DataOffset, enumerator.Current.DataLength);
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>The raw extension data (elements and padding), empty without extension.</summary>
    public Span<byte> ExtensionData => HasExtension ? _buffer.Slice(ExtensionOffset, ExtensionLength) : [];

    /// <summary>Enumerates the header extension elements.</summary>
    public RtpExtensionEnumerator GetExtensions() => new(ExtensionData, ExtensionProfile);

    /// <summary>
    /// Rewrites every extension id through <paramref name="idMap"/> (indexed by the old id). A map entry of 0 turns
    /// the element into padding (it is dropped for the receiver). Ids beyond the map are dropped too. Returns false
    /// (leaving the packet unchanged) when the block is malformed or a new id does not fit the block's form.
    /// </summary>
    public bool TryRewriteExtensionIds(ReadOnlySpan<byte> idMap)
    {
        var profile = ExtensionProfile;
        var data = ExtensionData;
        var oneByte = profile == RtpExtensionEnumerator.OneByteProfile;
        if (!HasExtension)
        {
            return true;
        }

        if (!oneByte && (profile & 0xFFF0) != RtpExtensionEnumerator.TwoByteProfile)
        {
            return false;
        }

        // Validate first so that a failure leaves the packet untouched.
        var check = new RtpExtensionEnumerator(data, profile);
        while (check.MoveNext())
        {
            var newId = check.Current.Id < idMap.Length ? idMap[check.Current.Id] : (byte)0;
            if (oneByte && newId > 14)
            {
                return false;
            }
        }

        if (check.Malformed)
        {
            return false;
        }

        var rewrite = new RtpExtensionEnumerator(data, profile);
        while (rewrite.MoveNext())
        {
            var element = rewrite.Current;
            var newId = element.Id < idMap.Length ? idMap[element.Id] : (byte)0;
            var headerSize = oneByte ? 1 : 2;
            var start = element.DataOffset - headerSize;
            if (newId == 0)
            {
                data.Slice(start, headerSize + element.DataLength).Clear();
            }
            else if (oneByte)
            {
                data[start] = (byte)((newId << 4) | (data[start] & 0x0F));
            }
            else
            {
                data[start] = newId;
            }
        }

        return true;
    }
}
