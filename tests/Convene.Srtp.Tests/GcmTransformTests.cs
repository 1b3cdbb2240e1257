using System.Security.Cryptography;
using Convene.Srtp;

namespace Convene.Srtp.Tests;

/// <summary>The AES-128-GCM transforms on their own: RFC 7714 vectors, and the intrinsic one against <see cref="AesGcm"/>.</summary>
public sealed class GcmTransformTests
{
    public static TheoryData<string> Kinds => new() { "system", "intrinsic" };

    private static byte[] Hex(string s) => Convert.FromHexString(s);

    private static GcmTransform Make(string kind, byte[] key)
    {
        if (kind == "intrinsic")
        {
            Assert.SkipUnless(IntrinsicGcmTransform.IsSupported, "no AES-NI/PCLMULQDQ on this CPU");
            return new IntrinsicGcmTransform(key);
        }

        return new SystemGcmTransform(key);
    }

    // RFC 7714 §16.1: SSRC 0x5501a0b2, SEQ 0xf17b, ROC 0; IV = (00 00 || SSRC || ROC || SEQ) XOR salt.
    private static readonly byte[] VectorKey = Hex("000102030405060708090a0b0c0d0e0f");
    private static readonly byte[] VectorHeader = Hex("8040f17b8041f8d35501a0b2");
    private static readonly byte[] VectorPlain = Hex("47616c6c696120657374206f6d6e69732064697669736120696e207061727465732074726573");
    private static readonly byte[] VectorSealed = Hex(
        "f24de3a3fb34de6cacba861c9d7e4bcabe633bd50d294e6f42a5f47a51c7d19b36de3adf8833899d7f27beb16a9152cf765ee4390cce");

    private static byte[] VectorNonce()
    {
        var iv = Hex("00005501a0b200000000f17b");
        var salt = Hex("517569642070726f2071756f");
        for (var i = 0; i < iv.Length; i++)
        {
            iv[i] ^= salt[i];
        }

        return iv;
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Rfc7714_16_1_encrypts_in_place(string kind)
    {
        using var gcm = Make(kind, VectorKey);
        var data = (byte[])VectorPlain.Clone();
        var tag = new byte[16];
        gcm.Encrypt(VectorNonce(), data, tag, VectorHeader);
        Assert.Equal(Convert.ToHexString(VectorSealed), Convert.ToHexString([.. data, .. tag]));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Rfc7714_16_1_decrypts_in_place(string kind)
    {
        using var gcm = Make(kind, VectorKey);
        var data = VectorSealed[..^16];
        Assert.True(gcm.Decrypt(VectorNonce(), data, VectorSealed[^16..], VectorHeader));
        Assert.Equal(Convert.ToHexString(VectorPlain), Convert.ToHexString(data));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_changed_tag_ciphertext_or_header_is_rejected(string kind)
    {
        using var gcm = Make(kind, VectorKey);
        for (var what = 0; what < 3; what++)
        {
            var data = VectorSealed[..^16];
            var tag = VectorSealed[^16..];
            var header = (byte[])VectorHeader.Clone();
            (what switch { 0 => tag, 1 => data, _ => header })[5] ^= 0x01;
            Assert.False(gcm.Decrypt(VectorNonce(), data, tag, header));
            Assert.All(data, b => Assert.Equal(0, b)); // nothing unauthenticated is left behind
        }
    }

    [Fact]
    public void Intrinsic_matches_AesGcm_for_many_lengths_and_rtp_header_aad()
    {
        Assert.SkipUnless(IntrinsicGcmTransform.IsSupported, "no AES-NI/PCLMULQDQ on this CPU");
        var random = new Random(7714);
        int[] lengths = [0, 1, 2, 15, 16, 17, 31, 32, 33, 47, 48, 63, 64, 65, 79, 80, 127, 128, 129, 160, 255, 1000, 1199, 1200, 1201, 1300, 1500];
        int[] aadLengths = [0, 8, 12, 16, 20, 24, 28, 32, 40, 44];
        for (var round = 0; round < 8; round++)
        {
            var key = new byte[16];
            random.NextBytes(key);
            using var reference = new AesGcm(key, 16);
            using var gcm = new IntrinsicGcmTransform(key);
            foreach (var length in lengths)
            {
                var aadLength = aadLengths[random.Next(aadLengths.Length)];
                var nonce = new byte[12];
                var aad = new byte[aadLength];
                var plain = new byte[length];
                random.NextBytes(nonce);
                random.NextBytes(aad);
                random.NextBytes(plain);

                var expected = new byte[length];
                var expectedTag = new byte[16];
                reference.Encrypt(nonce, plain, expected, expectedTag, aad);

                var data = (byte[])plain.Clone();
                var tag = new byte[16];
                gcm.Encrypt(nonce, data, tag, aad);
                Assert.True(expected.AsSpan().SequenceEqual(data), $"ciphertext differs: length {length}, aad {aadLength}");
                Assert.True(expectedTag.AsSpan().SequenceEqual(tag), $"tag differs: length {length}, aad {aadLength}");

                Assert.True(gcm.Decrypt(nonce, data, tag, aad), $"own tag refused: length {length}, aad {aadLength}");
                Assert.True(plain.AsSpan().SequenceEqual(data), $"round trip differs: length {length}, aad {aadLength}");
            }
        }
    }

    [Fact]
    public void Create_prefers_the_intrinsic_transform_where_the_cpu_has_it()
    {
        using var gcm = GcmTransform.Create(VectorKey);
        Assert.Equal(IntrinsicGcmTransform.IsSupported, gcm is IntrinsicGcmTransform);
    }
}
