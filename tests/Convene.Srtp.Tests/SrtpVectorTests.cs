using Convene.Srtp;

namespace Convene.Srtp.Tests;

public sealed class SrtpVectorTests
{
    private static byte[] Hex(string s) => Convert.FromHexString(s.Replace(" ", "", StringComparison.Ordinal));

    [Fact]
    public void Rfc3711_B3_key_derivation()
    {
        var mk = Hex("E1F97A0D3E018BE0D64FA32C06DE4139");
        var ms = Hex("0EC675AD498AFEEBB6960B3AABE6");
        Assert.Equal("C61E7A93744F39EE10734AFE3FF7A087", Convert.ToHexString(SrtpKeyDerivation.Derive(mk, ms, 0, 16)));
        Assert.Equal("30CBBC08863D8C85D49DB34A9AE1", Convert.ToHexString(SrtpKeyDerivation.Derive(mk, ms, 2, 14)));
        Assert.Equal("CEBE321F6FF7716B6FD4AB49AF256A156D38BAA4", Convert.ToHexString(SrtpKeyDerivation.Derive(mk, ms, 1, 20)));
    }

    [Fact]
    public void Rfc3711_B2_aes_cm_keystream()
    {
        var keys = new SrtpSessionKeys(Hex("2B7E151628AED2A6ABF7158809CF4F3C"), new byte[20], Hex("F0F1F2F3F4F5F6F7F8F9FAFBFCFD"),
            new byte[16], new byte[20], new byte[14]);
        using var ctx = new SrtpContext(SrtpProfile.Aes128CmHmacSha1_80, keys);
        // SSRC 0 and SEQ 0 so the IV is exactly the salt; an all-zero payload turns into the keystream.
        var buf = new byte[12 + 48 + 10];
        Hex("800F0000DECAFBAD00000000").CopyTo(buf, 0);
        Assert.Equal(SrtpResult.Ok, ctx.ProtectRtp(buf, 60, out int n));
        Assert.Equal(70, n);
        Assert.Equal(
            "E03EAD0935C95E80E166B16DD92B4EB4D23513162B02D0F72A43A2FE4A5F97AB41E95B3BB0A2E8DD477901E4FCA894C0",
            Convert.ToHexString(buf, 12, 48));
    }

    private static SrtpContext GcmVectorContext()
    {
        var key = Hex("000102030405060708090a0b0c0d0e0f");
        var salt = Hex("517569642070726f2071756f");
        return new SrtpContext(SrtpProfile.AeadAes128Gcm, new SrtpSessionKeys(key, [], salt, key, [], salt));
    }

    private const string GcmRtpPlain =
        "8040f17b8041f8d35501a0b247616c6c696120657374206f6d6e69732064697669736120696e207061727465732074726573";

    private const string GcmRtpProtected =
        "8040f17b8041f8d35501a0b2f24de3a3fb34de6cacba861c9d7e4bcabe633bd50d294e6f42a5f47a51c7d19b36de3adf8833899d7f27beb16a9152cf765ee4390cce";

    private const string RtcpPlain =
        "81c8000d4d6172734e5450314e545032525450200000042a0000e9304c756e61deadbeefdeadbeefdeadbeefdeadbeefdeadbeef";

    [Fact]
    public void Rfc7714_16_1_gcm_rtp_protect()
    {
        using var ctx = GcmVectorContext();
        var plain = Hex(GcmRtpPlain);
        var buf = new byte[plain.Length + 16];
        plain.CopyTo(buf, 0);
        Assert.Equal(SrtpResult.Ok, ctx.ProtectRtp(buf, plain.Length, out int n));
        Assert.Equal(GcmRtpProtected, Convert.ToHexString(buf, 0, n).ToLowerInvariant());
    }

    [Fact]
    public void Rfc7714_16_1_gcm_rtp_unprotect()
    {
        using var ctx = GcmVectorContext();
        var buf = Hex(GcmRtpProtected);
        Assert.Equal(SrtpResult.Ok, ctx.UnprotectRtp(buf, buf.Length, out int n));
        Assert.Equal(GcmRtpPlain, Convert.ToHexString(buf, 0, n).ToLowerInvariant());
    }

    [Fact]
    public void Rfc7714_17_1_gcm_srtcp_protect_and_unprotect()
    {
        const string expected =
            "81c8000d4d61727363e94885dcdab67ca727d7662f6b7e997ff5c0f76c06f32dc676a5f1730d6fda4ce09b4686303ded0bb9275bc84aa45896cf4d2fc5abf87245d9eade800005d4";
        using var tx = GcmVectorContext();
        var plain = Hex(RtcpPlain);
        var buf = new byte[plain.Length + SrtpContext.MaxOverhead];
        plain.CopyTo(buf, 0);
        tx.SetNextRtcpIndex(0x4d617273, 0x5d4);
        Assert.Equal(SrtpResult.Ok, tx.ProtectRtcp(buf, plain.Length, out int n));
        Assert.Equal(expected, Convert.ToHexString(buf, 0, n).ToLowerInvariant());

        using var rx = GcmVectorContext();
        var wire = Hex(expected);
        Assert.Equal(SrtpResult.Ok, rx.UnprotectRtcp(wire, wire.Length, out int m));
        Assert.Equal(RtcpPlain, Convert.ToHexString(wire, 0, m).ToLowerInvariant());
    }

    [Fact]
    public void Rfc7714_17_3_gcm_srtcp_tag_only_unprotect()
    {
        using var rx = GcmVectorContext();
        var wire = Hex(RtcpPlain + "841dd9683dd78ec92ae58790125f62b3000005d4");
        Assert.Equal(SrtpResult.Ok, rx.UnprotectRtcp(wire, wire.Length, out int m));
        Assert.Equal(RtcpPlain, Convert.ToHexString(wire, 0, m).ToLowerInvariant());
    }

    [Fact]
    public void Keying_material_rejects_wrong_lengths()
    {
        Assert.Throws<ArgumentException>(() => new SrtpKeyingMaterial(SrtpProfile.AeadAes128Gcm, new byte[16], new byte[14]));
        Assert.Throws<ArgumentException>(() => new SrtpKeyingMaterial(SrtpProfile.Aes128CmHmacSha1_80, new byte[15], new byte[14]));
        _ = new SrtpKeyingMaterial(SrtpProfile.Aes128CmHmacSha1_80, new byte[16], new byte[14]);
    }
}
