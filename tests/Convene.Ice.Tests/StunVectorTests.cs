using System.Net;
using System.Net.Sockets;
using System.Text;
using Convene.Ice;

namespace Convene.Ice.Tests;

/// <summary>RFC 5769 sample messages (short-term credentials, password "VOkJxbRl1RmTxUk/WvJxBt").</summary>
public sealed class StunVectorTests
{
    internal const string Password = "VOkJxbRl1RmTxUk/WvJxBt";

    internal static readonly byte[] Request = Convert.FromHexString(
        "000100582112a442b7e7a701bc34d686fa87dfae802200105354554e207465737420636c69656e74" +
        "002400046e0001ff80290008932ff9b151263b36000600096576746a3a68367659202020" +
        "000800149aeaa70cbfd8cb56781ef2b5b2d3f249c1b571a280280004e57a3bcf");

    private static readonly byte[] ResponseV4 = Convert.FromHexString(
        "0101003c2112a442b7e7a701bc34d686fa87dfae8022000b7465737420766563746f7220" +
        "002000080001a147e112a643000800142b91f599fd9e90c38c7489f92af9ba53f06be7d7" +
        "80280004c07d4c96");

    private static readonly byte[] ResponseV6 = Convert.FromHexString(
        "010100482112a442b7e7a701bc34d686fa87dfae8022000b7465737420766563746f7220" +
        "002000140002a1470113a9faa5d3f179bc25f4b5bed2b9d9" +
        "00080014a382954e4be67bf11784c97c8292c275bfe3ed41" +
        "80280004c8fb0b4c");

    private static byte[] Key => Encoding.UTF8.GetBytes(Password);

    [Fact]
    public void Rfc5769_request_parses_and_verifies()
    {
        Assert.True(StunMessage.IsStun(Request));
        Assert.True(StunMessage.TryParse(Request, out var m));
        Assert.Equal(StunMessageType.BindingRequest, m.Type);
        Assert.Equal("b7e7a701bc34d686fa87dfae", Convert.ToHexString(m.TransactionId).ToLowerInvariant());
        Assert.Equal("evtj:h6vY", Encoding.ASCII.GetString(m.Username));
        Assert.Equal(0x6e0001ffu, m.Priority);
        Assert.Equal(0x932ff9b151263b36UL, m.IceControlled);
        Assert.Null(m.IceControlling);
        Assert.False(m.UseCandidate);
        Assert.True(m.CheckFingerprint());
        Assert.True(m.CheckIntegrity(Key));
        Assert.True(StunMessage.VerifyIntegrity(Request, Key));
        Assert.False(StunMessage.VerifyIntegrity(Request, "VOkJxbRl1RmTxUk/WvJxBT"u8));
        Assert.True(StunMessage.TryReadUsername(Request, out var local, out var remote));
        Assert.Equal("evtj", local);
        Assert.Equal("h6vY", remote);
    }

    [Fact]
    public void Rfc5769_request_any_flipped_byte_fails_verification()
    {
        for (int i = 0; i < Request.Length; i++)
        {
            var copy = (byte[])Request.Clone();
            copy[i] ^= 0x04;
            if (i is 100 or 101)
            {
                // The FINGERPRINT type itself: it becomes an unknown attribute after MESSAGE-INTEGRITY, which is ignored.
                Assert.True(StunMessage.TryParse(copy, out var m) && !m.HasFingerprint);
                continue;
            }

            Assert.False(StunMessage.VerifyIntegrity(copy, Key), $"byte {i}");
        }
    }

    [Fact]
    public void Rfc5769_ipv4_response_verifies_and_maps()
    {
        Assert.True(StunMessage.VerifyIntegrity(ResponseV4, Key));
        Assert.True(StunMessage.TryParse(ResponseV4, out var m));
        Assert.Equal(StunMessageType.BindingSuccessResponse, m.Type);
        Assert.True(m.TryGetXorMappedAddress(out var ep));
        Assert.Equal(new IPEndPoint(IPAddress.Parse("192.0.2.1"), 32853), ep);
    }

    [Fact]
    public void Rfc5769_ipv6_response_verifies_and_maps()
    {
        Assert.True(StunMessage.VerifyIntegrity(ResponseV6, Key));
        Assert.True(StunMessage.TryParse(ResponseV6, out var m));
        Assert.True(m.TryGetXorMappedAddress(out var ep));
        Assert.Equal(new IPEndPoint(IPAddress.Parse("2001:db8:1234:5678:11:2233:4455:6677"), 32853), ep);
    }

    [Fact]
    public void Writer_encodes_xor_mapped_address_like_rfc5769()
    {
        var txid = Convert.FromHexString("b7e7a701bc34d686fa87dfae");
        var buf = new byte[128];
        var v4 = new StunMessageWriter(buf, StunMessageType.BindingSuccessResponse, txid);
        v4.AddXorMappedAddress(new IPEndPoint(IPAddress.Parse("192.0.2.1"), 32853).Serialize());
        Assert.Equal("0101000c2112a442b7e7a701bc34d686fa87dfae002000080001a147e112a643", Convert.ToHexString(buf, 0, v4.Length).ToLowerInvariant());

        var v6 = new StunMessageWriter(buf, StunMessageType.BindingSuccessResponse, txid);
        v6.AddXorMappedAddress(new IPEndPoint(IPAddress.Parse("2001:db8:1234:5678:11:2233:4455:6677"), 32853).Serialize());
        Assert.Equal("002000140002a1470113a9faa5d3f179bc25f4b5bed2b9d9", Convert.ToHexString(buf, 20, v6.Length - 20).ToLowerInvariant());
        Assert.Equal(AddressFamily.InterNetworkV6, IPAddress.Parse("2001:db8::1").AddressFamily);
    }

    [Fact]
    public void Writer_request_round_trips_with_integrity_and_fingerprint()
    {
        var local = new IceCredentials("abcd", "0123456789012345678901");
        var remote = new IceCredentials("wxyz", "abcdefghijabcdefghij++");
        var buf = new byte[256];
        var txid = new byte[12];
        txid[3] = 7;
        int n = StunMessageWriter.WriteBindingRequest(buf, txid, local, remote, 12345, 0xABCDEF, useCandidate: true);
        Assert.True(StunMessage.TryParse(buf.AsSpan(0, n), out var m));
        Assert.Equal("wxyz:abcd", Encoding.ASCII.GetString(m.Username));
        Assert.Equal(12345u, m.Priority);
        Assert.Equal(0xABCDEFUL, m.IceControlling);
        Assert.True(m.UseCandidate);
        Assert.True(m.CheckFingerprint());
        Assert.True(StunMessage.VerifyIntegrity(buf.AsSpan(0, n), Encoding.UTF8.GetBytes(remote.Password)));
        Assert.False(StunMessage.VerifyIntegrity(buf.AsSpan(0, n), Encoding.UTF8.GetBytes(local.Password)));
    }

    [Fact]
    public void Error_code_round_trips()
    {
        var buf = new byte[128];
        var w = new StunMessageWriter(buf, StunMessageType.BindingErrorResponse, new byte[12]);
        w.AddErrorCode(487, "Role Conflict");
        w.AddFingerprint();
        Assert.True(StunMessage.TryParse(buf.AsSpan(0, w.Length), out var m));
        Assert.Equal(487, m.ErrorCode);
        Assert.Equal("Role Conflict", Encoding.UTF8.GetString(m.ErrorReason));
        Assert.True(m.CheckFingerprint());
    }

    [Fact]
    public void Malformed_messages_are_rejected()
    {
        Assert.False(StunMessage.TryParse(Request.AsSpan(0, 19), out _));
        Assert.False(StunMessage.TryParse(Request.AsSpan(0, Request.Length - 4), out _)); // length field disagrees
        var badCookie = (byte[])Request.Clone();
        badCookie[5] = 0;
        Assert.False(StunMessage.IsStun(badCookie));
        var rtp = (byte[])Request.Clone();
        rtp[0] = 0x80;
        Assert.False(StunMessage.IsStun(rtp));
        var longAttr = (byte[])Request.Clone();
        longAttr[23] = 0xF0; // SOFTWARE length runs past the end
        Assert.False(StunMessage.TryParse(longAttr, out _));
        var afterFingerprint = new byte[Request.Length + 8];
        Request.CopyTo(afterFingerprint, 0);
        afterFingerprint[3] += 8;
        Assert.False(StunMessage.TryParse(afterFingerprint, out _));
        Assert.False(StunMessage.TryReadUsername(new byte[3], out _, out _));
    }

    [Fact]
    public void Random_bytes_never_throw()
    {
        var random = new Random(5769);
        var buf = new byte[600];
        var key = Key;
        var agent = new IceLiteAgent(new IceCredentials("evtj", Password), TimeProvider.System);
        var remote = new IPEndPoint(IPAddress.Loopback, 5000).Serialize();
        var response = new byte[IceLiteAgent.MinResponseBufferLength];
        int parsed = 0;
        for (int i = 0; i < 10_000; i++)
        {
            int len = random.Next(0, 200);
            random.NextBytes(buf.AsSpan(0, len));
            if (i % 2 == 0 && len >= 20)
            {
                // A plausible header so the attribute walker is exercised too.
                buf[0] = 0;
                buf[1] = 1;
                buf[2] = (byte)((len - 20) >> 8);
                buf[3] = (byte)((len - 20) & 0xFC);
                buf[4] = 0x21;
                buf[5] = 0x12;
                buf[6] = 0xA4;
                buf[7] = 0x42;
            }

            if (i % 5 == 0)
            {
                // A mutated real request.
                len = Request.Length;
                Request.CopyTo(buf, 0);
                buf[random.Next(20, len)] = (byte)random.Next(256);
            }

            var packet = buf.AsSpan(0, len);
            if (StunMessage.TryParse(packet, out var m))
            {
                parsed++;
                _ = m.CheckFingerprint();
                _ = m.CheckIntegrity(key);
                _ = m.TryGetXorMappedAddress(out _);
                _ = m.ErrorCode;
            }

            _ = StunMessage.VerifyIntegrity(packet, key);
            _ = StunMessage.TryReadUsername(packet, out _, out _);
            _ = agent.HandleBindingRequest(packet, remote, response, out _);
        }

        Assert.True(parsed > 100);
    }
}
