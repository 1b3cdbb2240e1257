using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Convene.Recording.Muxing;

/// <summary>
/// Builds EBML (RFC 8794) elements into a growable buffer: element ids as written in the Matroska spec (they carry
/// their own length marker), sizes as minimal variable-length integers, masters by building the body first.
/// </summary>
internal sealed class EbmlBuffer
{
    /// <summary>The reserved all-ones 8-byte size: "unknown size" (the element runs until its parent's next sibling).</summary>
    public static ReadOnlySpan<byte> UnknownSize => [0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF];

    private readonly ArrayBufferWriter<byte> _buffer = new(256);

    public ReadOnlySpan<byte> WrittenSpan => _buffer.WrittenSpan;

    public int Length => _buffer.WrittenCount;

    public void Clear() => _buffer.ResetWrittenCount();

    public void Id(uint id)
    {
        var length = id > 0xFFFFFF ? 4 : id > 0xFFFF ? 3 : id > 0xFF ? 2 : 1;
        var span = _buffer.GetSpan(length);
        for (var i = 0; i < length; i++)
        {
            span[i] = (byte)(id >> (8 * (length - 1 - i)));
        }

        _buffer.Advance(length);
    }

    /// <summary>Writes <paramref name="size"/> as the shortest EBML variable-length integer (never the reserved all-ones value).</summary>
    public void Size(long size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        var length = 1;
        while (length < 8 && size >= (1L << (7 * length)) - 1)
        {
            length++;
        }

        var span = _buffer.GetSpan(length);
        var marked = (ulong)size | (1UL << (7 * length));
        for (var i = 0; i < length; i++)
        {
            span[i] = (byte)(marked >> (8 * (length - 1 - i)));
        }

        _buffer.Advance(length);
    }

    public void Raw(ReadOnlySpan<byte> bytes) => _buffer.Write(bytes);

    public void Byte(byte value) => Raw([value]);

    public void UInt(uint id, ulong value)
    {
        var length = 1;
        while (length < 8 && value >> (8 * length) != 0)
        {
            length++;
        }

        Id(id);
        Size(length);
        var span = _buffer.GetSpan(length);
        for (var i = 0; i < length; i++)
        {
            span[i] = (byte)(value >> (8 * (length - 1 - i)));
        }

        _buffer.Advance(length);
    }

    public void Float(uint id, double value)
    {
        Id(id);
        Size(8);
        BinaryPrimitives.WriteDoubleBigEndian(_buffer.GetSpan(8), value);
        _buffer.Advance(8);
    }

    public void String(uint id, string value)
    {
        Binary(id, Encoding.UTF8.GetBytes(value));
    }

    public void Binary(uint id, ReadOnlySpan<byte> value)
    {
        Id(id);
        Size(value.Length);
        Raw(value);
    }

    /// <summary>Writes a master element whose body <paramref name="body"/> builds (into a scratch buffer, so the size is known).</summary>
    public void Master(uint id, Action<EbmlBuffer> body)
    {
        var inner = new EbmlBuffer();
        body(inner);
        Id(id);
        Size(inner.Length);
        Raw(inner.WrittenSpan);
    }
}
