namespace Convene.Srtp;

/// <summary>
/// A sliding replay window over packet indices (RFC 3711 §3.3.2): bit k set means index (Highest − k) was accepted.
/// <see cref="Check"/> never changes state; <see cref="Accept"/> is called only after authentication succeeded.
/// </summary>
internal sealed class ReplayWindow
{
    private readonly ulong[] _bits;
    private readonly int _size;

    public ReplayWindow(int size)
    {
        if (size < 64 || size % 64 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "The replay window is a positive multiple of 64.");
        }

        _size = size;
        _bits = new ulong[size / 64];
    }

    public bool HasAny { get; private set; }

    public long Highest { get; private set; }

    /// <summary>True when <paramref name="index"/> was not seen yet and is not too old.</summary>
    public bool Check(long index)
    {
        if (!HasAny || index > Highest)
        {
            return true;
        }

        long delta = Highest - index;
        if (delta >= _size)
        {
            return false;
        }

        int d = (int)delta;
        return (_bits[d >> 6] & (1UL << (d & 63))) == 0;
    }

    public void Accept(long index)
    {
        if (!HasAny)
        {
            HasAny = true;
            Highest = index;
            Array.Clear(_bits);
            _bits[0] = 1;
            return;
        }

        if (index > Highest)
        {
            ShiftLeft(index - Highest);
            Highest = index;
            _bits[0] |= 1;
            return;
        }

        long delta = Highest - index;
        if (delta < _size)
        {
            int d = (int)delta;
            _bits[d >> 6] |= 1UL << (d & 63);
        }
    }

    private void ShiftLeft(long count)
    {
        if (count >= _size)
        {
            Array.Clear(_bits);
            return;
        }

        int words = (int)(count >> 6);
        int bitShift = (int)(count & 63);
        for (int i = _bits.Length - 1; i >= 0; i--)
        {
            int src = i - words;
            ulong value = src >= 0 ? _bits[src] << bitShift : 0;
            if (bitShift != 0 && src - 1 >= 0)
            {
                value |= _bits[src - 1] >> (64 - bitShift);
            }

            _bits[i] = value;
        }
    }
}
