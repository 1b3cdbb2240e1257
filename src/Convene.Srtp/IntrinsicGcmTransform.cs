using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Security.Cryptography;
using AesNi = System.Runtime.Intrinsics.X86.Aes;

namespace Convene.Srtp;

/// <summary>
/// AES-128-GCM on AES-NI + PCLMULQDQ, without a call into OpenSSL or any allocation per packet. CTR runs four
/// blocks at a time; GHASH works in the byte-reversed domain (Gueron–Kounavis) with H, H², H³, H⁴ precomputed so
/// four blocks share one reduction. The key schedule and H powers are built once per key.
/// </summary>
internal sealed class IntrinsicGcmTransform : GcmTransform
{
    private readonly Vector128<byte>[] _roundKeys = new Vector128<byte>[11];

    // _powers[i] = H^(i+1), byte-reversed.
    private readonly Vector128<byte>[] _powers = new Vector128<byte>[4];

    public IntrinsicGcmTransform(ReadOnlySpan<byte> key)
    {
        if (!IsSupported)
        {
            throw new PlatformNotSupportedException("AES-NI and PCLMULQDQ are required.");
        }

        if (key.Length != KeyLength)
        {
            throw new ArgumentException("AES-128-GCM needs a 16-byte key.", nameof(key));
        }

        ExpandKey(Vector128.Create(key), _roundKeys);
        var h = Ssse3.Shuffle(EncryptBlock(Vector128<byte>.Zero, _roundKeys), ReverseMask);
        _powers[0] = h;
        for (var i = 1; i < _powers.Length; i++)
        {
            _powers[i] = Multiply(_powers[i - 1], h);
        }
    }

    public static bool IsSupported => AesNi.IsSupported && Pclmulqdq.IsSupported && Ssse3.IsSupported && Sse41.IsSupported;

    private static Vector128<byte> ReverseMask => Vector128.Create((byte)15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0);

    public override void Encrypt(ReadOnlySpan<byte> nonce, Span<byte> data, Span<byte> tag, ReadOnlySpan<byte> aad)
    {
        var iv = LoadNonce(nonce);
        var hash = HashAad(aad);
        hash = Crypt(iv, data, hash, encrypt: true);
        var full = Finish(iv, hash, aad.Length, data.Length);
        full.CopyTo(tag[..TagLength]);
    }

    public override bool Decrypt(ReadOnlySpan<byte> nonce, Span<byte> data, ReadOnlySpan<byte> tag, ReadOnlySpan<byte> aad)
    {
        var iv = LoadNonce(nonce);
        var hash = HashAad(aad);
        hash = Crypt(iv, data, hash, encrypt: false);
        Span<byte> expected = stackalloc byte[TagLength];
        Finish(iv, hash, aad.Length, data.Length).CopyTo(expected);
        if (tag.Length != TagLength || !CryptographicOperations.FixedTimeEquals(expected, tag))
        {
            data.Clear();
            return false;
        }

        return true;
    }

    public override void Dispose()
    {
        // Nothing native to free; the key schedule is wiped so it does not linger on the heap.
        Array.Clear(_roundKeys);
        Array.Clear(_powers);
    }

    private static Vector128<byte> LoadNonce(ReadOnlySpan<byte> nonce)
    {
        if (nonce.Length != NonceLength)
        {
            throw new ArgumentException("GCM here takes a 12-byte nonce.", nameof(nonce));
        }

        Span<byte> block = stackalloc byte[16];
        block.Clear();
        nonce.CopyTo(block);
        return Vector128.Create((ReadOnlySpan<byte>)block);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> Counter(Vector128<byte> iv, uint counter) =>
        iv.AsUInt32().WithElement(3, BinaryPrimitives.ReverseEndianness(counter)).AsByte();

    private Vector128<byte> HashAad(ReadOnlySpan<byte> aad)
    {
        var h = _powers[0];
        var hash = Vector128<byte>.Zero;
        var offset = 0;
        for (; offset + 16 <= aad.Length; offset += 16)
        {
            hash = Multiply(hash ^ Ssse3.Shuffle(Vector128.Create(aad.Slice(offset, 16)), ReverseMask), h);
        }

        if (offset < aad.Length)
        {
            hash = Multiply(hash ^ Ssse3.Shuffle(LoadPartial(aad[offset..]), ReverseMask), h);
        }

        return hash;
    }

    /// <summary>CTR from counter 2 over <paramref name="data"/> in place, hashing the ciphertext into the GHASH state.</summary>
    private Vector128<byte> Crypt(Vector128<byte> iv, Span<byte> data, Vector128<byte> hash, bool encrypt)
    {
        var keys = _roundKeys;
        var powers = _powers;
        var h1 = powers[0];
        var h2 = powers[1];
        var h3 = powers[2];
        var h4 = powers[3];
        var mask = ReverseMask;
        ref var start = ref MemoryMarshal.GetReference(data);
        var length = data.Length;
        var offset = 0;
        var counter = 2u;

        for (; offset + 64 <= length; offset += 64, counter += 4)
        {
            var k0 = keys[0];
            var s0 = Counter(iv, counter) ^ k0;
            var s1 = Counter(iv, counter + 1) ^ k0;
            var s2 = Counter(iv, counter + 2) ^ k0;
            var s3 = Counter(iv, counter + 3) ^ k0;
            for (var r = 1; r < 10; r++)
            {
                var k = keys[r];
                s0 = AesNi.Encrypt(s0, k);
                s1 = AesNi.Encrypt(s1, k);
                s2 = AesNi.Encrypt(s2, k);
                s3 = AesNi.Encrypt(s3, k);
            }

            var k10 = keys[10];
            s0 = AesNi.EncryptLast(s0, k10);
            s1 = AesNi.EncryptLast(s1, k10);
            s2 = AesNi.EncryptLast(s2, k10);
            s3 = AesNi.EncryptLast(s3, k10);

            var d0 = Vector128.LoadUnsafe(ref start, (nuint)offset);
            var d1 = Vector128.LoadUnsafe(ref start, (nuint)(offset + 16));
            var d2 = Vector128.LoadUnsafe(ref start, (nuint)(offset + 32));
            var d3 = Vector128.LoadUnsafe(ref start, (nuint)(offset + 48));
            var o0 = d0 ^ s0;
            var o1 = d1 ^ s1;
            var o2 = d2 ^ s2;
            var o3 = d3 ^ s3;
            o0.StoreUnsafe(ref start, (nuint)offset);
            o1.StoreUnsafe(ref start, (nuint)(offset + 16));
            o2.StoreUnsafe(ref start, (nuint)(offset + 32));
            o3.StoreUnsafe(ref start, (nuint)(offset + 48));

            // GHASH runs over the ciphertext: the output when encrypting, the input when decrypting.
            var c0 = encrypt ? o0 : d0;
            var c1 = encrypt ? o1 : d1;
            var c2 = encrypt ? o2 : d2;
            var c3 = encrypt ? o3 : d3;
            var lo = Vector128<ulong>.Zero;
            var mid = Vector128<ulong>.Zero;
            var hi = Vector128<ulong>.Zero;
            MultiplyAccumulate(hash ^ Ssse3.Shuffle(c0, mask), h4, ref lo, ref mid, ref hi);
            MultiplyAccumulate(Ssse3.Shuffle(c1, mask), h3, ref lo, ref mid, ref hi);
            MultiplyAccumulate(Ssse3.Shuffle(c2, mask), h2, ref lo, ref mid, ref hi);
            MultiplyAccumulate(Ssse3.Shuffle(c3, mask), h1, ref lo, ref mid, ref hi);
            hash = Reduce(lo, mid, hi);
        }

        for (; offset + 16 <= length; offset += 16, counter++)
        {
            var d = Vector128.LoadUnsafe(ref start, (nuint)offset);
            var o = d ^ EncryptBlock(Counter(iv, counter), keys);
            o.StoreUnsafe(ref start, (nuint)offset);
            hash = Multiply(hash ^ Ssse3.Shuffle(encrypt ? o : d, mask), h1);
        }

        if (offset < length)
        {
            var tail = data[offset..];
            Span<byte> block = stackalloc byte[16];
            block.Clear();
            tail.CopyTo(block);
            var d = Vector128.Create((ReadOnlySpan<byte>)block);
            var o = d ^ EncryptBlock(Counter(iv, counter), keys);
            o.CopyTo(block);
            block[..tail.Length].CopyTo(tail);
            block[tail.Length..].Clear(); // GHASH pads the last ciphertext block with zeros
            var c = encrypt ? Vector128.Create((ReadOnlySpan<byte>)block) : d;
            hash = Multiply(hash ^ Ssse3.Shuffle(c, mask), h1);
        }

        return hash;
    }

    private Vector128<byte> Finish(Vector128<byte> iv, Vector128<byte> hash, int aadLength, int dataLength)
    {
        // The length block is BE64(aad bits) || BE64(data bits); byte-reversed that is (data bits, aad bits) as two
        // little-endian 64-bit lanes.
        var lengths = Vector128.Create((ulong)dataLength * 8, (ulong)aadLength * 8).AsByte();
        hash = Multiply(hash ^ lengths, _powers[0]);
        return Ssse3.Shuffle(hash, ReverseMask) ^ EncryptBlock(Counter(iv, 1), _roundKeys);
    }

    private static Vector128<byte> LoadPartial(ReadOnlySpan<byte> bytes)
    {
        Span<byte> block = stackalloc byte[16];
        block.Clear();
        bytes.CopyTo(block);
        return Vector128.Create((ReadOnlySpan<byte>)block);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> EncryptBlock(Vector128<byte> block, Vector128<byte>[] keys)
    {
        block ^= keys[0];
        for (var r = 1; r < 10; r++)
        {
            block = AesNi.Encrypt(block, keys[r]);
        }

        return AesNi.EncryptLast(block, keys[10]);
    }

    private static void ExpandKey(Vector128<byte> key, Vector128<byte>[] keys)
    {
        // The round constants must be immediates, hence one line per round.
        keys[0] = key;
        keys[1] = key = ExpandStep(key, AesNi.KeygenAssist(key, 0x01));
        keys[2] = key = ExpandStep(key, AesNi.KeygenAssist(key, 0x02));
        keys[3] = key = ExpandStep(key, AesNi.KeygenAssist(key, 0x04));
        keys[4] = key = ExpandStep(key, AesNi.KeygenAssist(key, 0x08));
        keys[5] = key = ExpandStep(key, AesNi.KeygenAssist(key, 0x10));
        keys[6] = key = ExpandStep(key, AesNi.KeygenAssist(key, 0x20));
        keys[7] = key = ExpandStep(key, AesNi.KeygenAssist(key, 0x40));
        keys[8] = key = ExpandStep(key, AesNi.KeygenAssist(key, 0x80));
        keys[9] = key = ExpandStep(key, AesNi.KeygenAssist(key, 0x1B));
        keys[10] = ExpandStep(key, AesNi.KeygenAssist(key, 0x36));
    }

    private static Vector128<byte> ExpandStep(Vector128<byte> key, Vector128<byte> assist)
    {
        // Each word of the next round key is the XOR of all earlier words of this one and RotWord(SubWord(w3)) ^ rcon.
        var broadcast = Sse2.Shuffle(assist.AsUInt32(), 0xFF).AsByte();
        var shifted = Sse2.ShiftLeftLogical128BitLane(key, 4);
        key ^= shifted;
        shifted = Sse2.ShiftLeftLogical128BitLane(shifted, 4);
        key ^= shifted;
        shifted = Sse2.ShiftLeftLogical128BitLane(shifted, 4);
        key ^= shifted;
        return key ^ broadcast;
    }

    private static Vector128<byte> Multiply(Vector128<byte> a, Vector128<byte> b)
    {
        var lo = Vector128<ulong>.Zero;
        var mid = Vector128<ulong>.Zero;
        var hi = Vector128<ulong>.Zero;
        MultiplyAccumulate(a, b, ref lo, ref mid, ref hi);
        return Reduce(lo, mid, hi);
    }

    /// <summary>Adds the 256-bit carry-less product a·b (schoolbook: low, middle, high) to the accumulators.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MultiplyAccumulate(Vector128<byte> a, Vector128<byte> b, ref Vector128<ulong> lo, ref Vector128<ulong> mid, ref Vector128<ulong> hi)
    {
        var x = a.AsUInt64();
        var y = b.AsUInt64();
        lo ^= Pclmulqdq.CarrylessMultiply(x, y, 0x00);
        hi ^= Pclmulqdq.CarrylessMultiply(x, y, 0x11);
        mid ^= Pclmulqdq.CarrylessMultiply(x, y, 0x01) ^ Pclmulqdq.CarrylessMultiply(x, y, 0x10);
    }

    /// <summary>
    /// Folds the middle term in, shifts the 256-bit product left by one (the operands are bit-reflected), and reduces
    /// it modulo x^128 + x^7 + x^2 + x + 1 in two shift-and-XOR phases.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> Reduce(Vector128<ulong> lo, Vector128<ulong> mid, Vector128<ulong> hi)
    {
        var low = (lo ^ Sse2.ShiftLeftLogical128BitLane(mid, 8)).AsUInt32();
        var high = (hi ^ Sse2.ShiftRightLogical128BitLane(mid, 8)).AsUInt32();

        var lowCarry = Sse2.ShiftRightLogical(low, 31);
        var highCarry = Sse2.ShiftRightLogical(high, 31);
        low = Sse2.ShiftLeftLogical(low, 1);
        high = Sse2.ShiftLeftLogical(high, 1);
        var crossCarry = Sse2.ShiftRightLogical128BitLane(lowCarry, 12);
        low |= Sse2.ShiftLeftLogical128BitLane(lowCarry, 4);
        high |= Sse2.ShiftLeftLogical128BitLane(highCarry, 4) | crossCarry;

        var first = Sse2.ShiftLeftLogical(low, 31) ^ Sse2.ShiftLeftLogical(low, 30) ^ Sse2.ShiftLeftLogical(low, 25);
        var spill = Sse2.ShiftRightLogical128BitLane(first, 4);
        low ^= Sse2.ShiftLeftLogical128BitLane(first, 12);

        var second = Sse2.ShiftRightLogical(low, 1) ^ Sse2.ShiftRightLogical(low, 2) ^ Sse2.ShiftRightLogical(low, 7) ^ spill;
        low ^= second;
        return (high ^ low).AsByte();
    }
}
