namespace Convene.Rtp;

/// <summary>
/// Walks the elements of an RTP header extension block: one-byte form (profile 0xBEDE, RFC 8285 §4.2) or two-byte
/// form (profile 0x100x, §4.3). Padding bytes are skipped; a one-byte id of 15 stops the walk. Sets
/// <see cref="Malformed"/> and stops when an element overruns the block.
/// </summary>
public ref struct RtpExtensionEnumerator
{
    public const ushort OneByteProfile = 0xBEDE;
    public const ushort TwoByteProfile = 0x1000;

    private readonly ReadOnlySpan<byte> _data;
    private readonly bool _oneByte;
    private readonly bool _supported;
    private int _position;

    public RtpExtensionEnumerator(ReadOnlySpan<byte> data, ushort profile)
    {
        _data = data;
        _oneByte = profile == OneByteProfile;
        _supported = _oneByte || (profile & 0xFFF0) == TwoByteProfile;
        _position = 0;
        Current = default;
        Malformed = false;
    }

    public RtpExtensionElement Current { get; private set; }

    public bool Malformed { get; private set; }

    public readonly RtpExtensionEnumerator GetEnumerator() => this;

    public bool MoveNext()
    {
        if (!_supported)
        {
            return false;
        }

        while (_position < _data.Length)
        {
            var b = _data[_position];
            if (b == 0)
            {
                _position++;
                continue;
            }

            int id;
            int length;
            int dataOffset;
            if (_oneByte)
            {
                id = b >> 4;
                if (id == 15)
                {
                    _position = _data.Length;
                    return false;
                }

                length = (b & 0x0F) + 1;
                dataOffset = _position + 1;
            }
            else
            {
                if (_position + 1 >= _data.Length)
                {
                    Malformed = true;
                    _position = _data.Length;
                    return false;
                }

                id = b;
                length = _data[_position + 1];
                dataOffset = _position + 2;
            }

            if (dataOffset + length > _data.Length)
            {
                Malformed = true;
                _position = _data.Length;
                return false;
            }

            _position = dataOffset + length;
            Current = new RtpExtensionElement(id, dataOffset, length);
            return true;
        }

        return false;
    }
}
