using System.Net;
using System.Net.Sockets;
using System.Text;
using Convene.Ice;
using Microsoft.Extensions.Time.Testing;

namespace Convene.Ice.Tests;

public sealed class IceLiteAgentTests
{
    private static readonly IceCredentials Server = new("srvU", "serverpasswordserverpw");
    private static readonly IceCredentials Browser = new("brwU", "browserpasswordbrowser");
    private readonly FakeTimeProvider _time = new();
    private readonly byte[] _response = new byte[IceLiteAgent.MinResponseBufferLength];
    private int _txCounter;

    private static SocketAddress Addr(int port) => new IPEndPoint(IPAddress.Loopback, port).Serialize();

    private byte[] Check(bool useCandidate = false, IceCredentials? server = null, IceCredentials? browser = null)
    {
        var buf = new byte[256];
        var tx = new byte[12];
        tx[0] = (byte)++_txCounter;
        int n = StunMessageWriter.WriteBindingRequest(buf, tx, browser ?? Browser, server ?? Server, 1845501695, 42, useCandidate);
        return buf.AsSpan(0, n).ToArray();
    }

    private delegate void Attributes(ref StunMessageWriter writer);

    private static byte[] Build(Attributes attributes, bool integrity = true, bool fingerprint = true, StunMessageType type = StunMessageType.BindingRequest)
    {
        var buf = new byte[256];
        var w = new StunMessageWriter(buf, type, new byte[12]);
        attributes(ref w);
        if (integrity)
        {
            w.AddMessageIntegrity(Encoding.UTF8.GetBytes(Server.Password));
        }

        if (fingerprint)
        {
            w.AddFingerprint();
        }

        return buf.AsSpan(0, w.Length).ToArray();
    }

    private int? ErrorOf(int length)
    {
        Assert.True(length > 0);
        Assert.True(StunMessage.TryParse(_response.AsSpan(0, length), out var m));
        Assert.Equal(StunMessageType.BindingErrorResponse, m.Type);
        Assert.True(m.CheckFingerprint());
        return m.ErrorCode;
    }

    [Fact]
    public void Valid_check_gets_authenticated_success_with_xor_mapped_address()
    {
        var agent = new IceLiteAgent(Server, _time);
        var request = Check();
        Assert.Equal(IceAgentResult.ResponseReady, agent.HandleBindingRequest(request, Addr(50001), _response, out int n));
        Assert.Equal(IceAgentState.Checking, agent.State);
        Assert.Null(agent.SelectedRemote);
        Assert.True(agent.IsValidRemote(Addr(50001)));
        Assert.True(StunMessage.TryParse(_response.AsSpan(0, n), out var m));
        Assert.Equal(StunMessageType.BindingSuccessResponse, m.Type);
        Assert.True(request.AsSpan(8, 12).SequenceEqual(m.TransactionId));
        Assert.True(StunMessage.VerifyIntegrity(_response.AsSpan(0, n), Encoding.UTF8.GetBytes(Server.Password)));
        Assert.True(m.CheckFingerprint());
        Assert.True(m.TryGetXorMappedAddress(out var ep));
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 50001), ep);
    }

    [Fact]
    public void Use_candidate_nominates_and_latest_nomination_wins()
    {
        var agent = new IceLiteAgent(Server, _time);
        Assert.Equal(IceAgentState.New, agent.State);
        Assert.Equal(IceAgentResult.ResponseReady, agent.HandleBindingRequest(Check(true), Addr(50001), _response, out _));
        Assert.Equal(IceAgentState.Connected, agent.State);
        Assert.Equal(Addr(50001), agent.SelectedRemote);
        Assert.Equal(IceAgentResult.ResponseReady, agent.HandleBindingRequest(Check(false), Addr(50002), _response, out _));
        Assert.Equal(Addr(50001), agent.SelectedRemote);
        Assert.Equal(IceAgentResult.ResponseReady, agent.HandleBindingRequest(Check(true), Addr(50002), _response, out _));
        Assert.Equal(Addr(50002), agent.SelectedRemote);
        Assert.Equal(2, agent.ValidRemotes.Count);
    }

    [Fact]
    public void Selected_remote_is_a_copy_of_the_callers_address()
    {
        var agent = new IceLiteAgent(Server, _time);
        var reused = Addr(50001);
        agent.HandleBindingRequest(Check(true), reused, _response, out _);
        new IPEndPoint(IPAddress.Loopback, 60000).Serialize().Buffer.CopyTo(reused.Buffer);
        Assert.Equal(Addr(50001), agent.SelectedRemote);
    }

    [Fact]
    public void Bad_integrity_gets_401_without_integrity_and_no_state_change()
    {
        var agent = new IceLiteAgent(Server, _time);
        var forged = Check(true, server: new IceCredentials(Server.Ufrag, "wrongpasswordwrongpass"));
        Assert.Equal(IceAgentResult.BadIntegrity, agent.HandleBindingRequest(forged, Addr(50001), _response, out int n));
        Assert.Equal(401, ErrorOf(n));
        Assert.True(StunMessage.TryParse(_response.AsSpan(0, n), out var m));
        Assert.False(m.HasMessageIntegrity);
        Assert.Equal(IceAgentState.New, agent.State);
        Assert.Empty(agent.ValidRemotes);
    }

    [Fact]
    public void Unknown_ufrag_gets_401()
    {
        var agent = new IceLiteAgent(Server, _time);
        var other = Check(server: new IceCredentials("nope", Server.Password));
        Assert.Equal(IceAgentResult.UnknownUsername, agent.HandleBindingRequest(other, Addr(1), _response, out int n));
        Assert.Equal(401, ErrorOf(n));
    }

    [Fact]
    public void Wrong_remote_ufrag_is_unknown_when_remote_credentials_are_known()
    {
        var agent = new IceLiteAgent(Server, _time) { Remote = new IceCredentials("else", Browser.Password) };
        Assert.Equal(IceAgentResult.UnknownUsername, agent.HandleBindingRequest(Check(), Addr(1), _response, out _));
        agent.Remote = Browser;
        Assert.Equal(IceAgentResult.ResponseReady, agent.HandleBindingRequest(Check(), Addr(1), _response, out _));
    }

    [Fact]
    public void Missing_priority_gets_400_with_integrity()
    {
        var agent = new IceLiteAgent(Server, _time);
        var request = Build((ref StunMessageWriter w) =>
        {
            w.AddUsername("srvU:brwU");
            w.AddIceControlling(1);
        });
        Assert.Equal(IceAgentResult.BadRequest, agent.HandleBindingRequest(request, Addr(1), _response, out int n));
        Assert.Equal(400, ErrorOf(n));
        Assert.True(StunMessage.VerifyIntegrity(_response.AsSpan(0, n), Encoding.UTF8.GetBytes(Server.Password)));
    }

    [Fact]
    public void Missing_username_integrity_or_fingerprint_gets_400()
    {
        var agent = new IceLiteAgent(Server, _time);
        var noUser = Build((ref StunMessageWriter w) => w.AddPriority(1));
        var noIntegrity = Build((ref StunMessageWriter w) => { w.AddUsername("srvU:brwU"); w.AddPriority(1); }, integrity: false);
        var noFingerprint = Build((ref StunMessageWriter w) => { w.AddUsername("srvU:brwU"); w.AddPriority(1); }, fingerprint: false);
        foreach (var request in new[] { noUser, noIntegrity, noFingerprint })
        {
            Assert.Equal(IceAgentResult.BadRequest, agent.HandleBindingRequest(request, Addr(1), _response, out int n));
            Assert.Equal(400, ErrorOf(n));
        }

        Assert.Equal(IceAgentState.New, agent.State);
    }

    [Fact]
    public void Wrong_fingerprint_is_dropped_silently()
    {
        var agent = new IceLiteAgent(Server, _time);
        var request = Check();
        request[^1] ^= 0xFF;
        Assert.Equal(IceAgentResult.BadFingerprint, agent.HandleBindingRequest(request, Addr(1), _response, out int n));
        Assert.Equal(0, n);
    }

    [Fact]
    public void Ice_controlled_peer_gets_487_role_conflict()
    {
        var agent = new IceLiteAgent(Server, _time);
        var request = Build((ref StunMessageWriter w) =>
        {
            w.AddUsername("srvU:brwU");
            w.AddPriority(1);
            w.AddIceControlled(99);
        });
        Assert.Equal(IceAgentResult.RoleConflict, agent.HandleBindingRequest(request, Addr(1), _response, out int n));
        Assert.Equal(487, ErrorOf(n));
        Assert.Equal(IceAgentState.New, agent.State);
    }

    [Fact]
    public void Rfc5769_request_is_a_role_conflict_for_a_lite_agent()
    {
        var agent = new IceLiteAgent(new IceCredentials("evtj", StunVectorTests.Password), _time);
        Assert.Equal(IceAgentResult.RoleConflict, agent.HandleBindingRequest(StunVectorTests.Request, Addr(1), _response, out int n));
        Assert.Equal(487, ErrorOf(n));
        Assert.True(StunMessage.VerifyIntegrity(_response.AsSpan(0, n), Encoding.UTF8.GetBytes(StunVectorTests.Password)));
    }

    [Fact]
    public void Non_requests_and_garbage_are_ignored_and_small_buffers_refused()
    {
        var agent = new IceLiteAgent(Server, _time);
        var indication = Build((ref StunMessageWriter w) => w.AddPriority(1), type: StunMessageType.BindingIndication);
        Assert.Equal(IceAgentResult.NotBindingRequest, agent.HandleBindingRequest(indication, Addr(1), _response, out int n1));
        Assert.Equal(0, n1);
        Assert.Equal(IceAgentResult.Malformed, agent.HandleBindingRequest(new byte[] { 0x80, 1, 2 }, Addr(1), _response, out _));
        Assert.Equal(IceAgentResult.BufferTooSmall, agent.HandleBindingRequest(Check(), Addr(1), new byte[40], out _));
    }

    [Fact]
    public void Consent_expiry_disconnects_then_fails_and_recovers_in_between()
    {
        var agent = new IceLiteAgent(Server, _time);
        agent.HandleBindingRequest(Check(true), Addr(1), _response, out _);
        _time.Advance(TimeSpan.FromSeconds(29));
        agent.Tick();
        Assert.Equal(IceAgentState.Connected, agent.State);
        _time.Advance(TimeSpan.FromSeconds(2));
        agent.Tick();
        Assert.Equal(IceAgentState.Disconnected, agent.State);
        Assert.Equal(IceAgentResult.ResponseReady, agent.HandleBindingRequest(Check(), Addr(1), _response, out _));
        Assert.Equal(IceAgentState.Connected, agent.State);
        _time.Advance(TimeSpan.FromSeconds(61));
        agent.Tick();
        Assert.Equal(IceAgentState.Failed, agent.State);
        Assert.Null(agent.SelectedRemote);
        Assert.Equal(IceAgentResult.AgentFailed, agent.HandleBindingRequest(Check(), Addr(1), _response, out _));
    }

    [Fact]
    public void Timeouts_are_configurable_and_a_silent_new_agent_fails()
    {
        var options = new IceLiteAgentOptions { ConsentTimeout = TimeSpan.FromSeconds(2), FailureTimeout = TimeSpan.FromSeconds(5) };
        var agent = new IceLiteAgent(Server, _time, options);
        _time.Advance(TimeSpan.FromSeconds(3));
        agent.Tick();
        Assert.Equal(IceAgentState.New, agent.State);
        _time.Advance(TimeSpan.FromSeconds(2));
        agent.Tick();
        Assert.Equal(IceAgentState.Failed, agent.State);
        Assert.Throws<ArgumentException>(() => new IceLiteAgent(Server, _time, new IceLiteAgentOptions { ConsentTimeout = TimeSpan.Zero }));
    }

    [Fact]
    public void Restart_keeps_old_credentials_until_new_ones_are_used()
    {
        var agent = new IceLiteAgent(Server, _time);
        agent.HandleBindingRequest(Check(true), Addr(1), _response, out _);
        var fresh = new IceCredentials("newU", "newpasswordnewpassword");
        agent.Restart(fresh);
        Assert.Equal(IceAgentResult.ResponseReady, agent.HandleBindingRequest(Check(), Addr(1), _response, out _));
        Assert.Equal(IceAgentResult.ResponseReady, agent.HandleBindingRequest(Check(true, server: fresh), Addr(2), _response, out _));
        Assert.Equal(IceAgentResult.UnknownUsername, agent.HandleBindingRequest(Check(), Addr(1), _response, out _));
    }

    [Fact]
    public void Valid_pairs_are_bounded()
    {
        var agent = new IceLiteAgent(Server, _time, new IceLiteAgentOptions { MaxValidPairs = 3 });
        agent.HandleBindingRequest(Check(true), Addr(1), _response, out _);
        for (int port = 2; port < 20; port++)
        {
            agent.HandleBindingRequest(Check(), Addr(port), _response, out _);
        }

        Assert.Equal(3, agent.ValidRemotes.Count);
        Assert.True(agent.IsValidRemote(Addr(1)), "the selected pair is never evicted");
        Assert.True(agent.IsValidRemote(Addr(19)));
    }

    [Fact]
    public void Credentials_generate_and_validate()
    {
        var a = IceCredentials.Generate(new Random(1));
        var b = IceCredentials.Generate(new Random(1));
        Assert.Equal(a, b);
        Assert.Equal(8, a.Ufrag.Length);
        Assert.Equal(24, a.Password.Length);
        Assert.True(IceCredentials.IsIceString(a.Ufrag + a.Password));
        Assert.Throws<ArgumentException>(() => new IceCredentials("abc", "0123456789012345678901"));
        Assert.Throws<ArgumentException>(() => new IceCredentials("ab:c", "0123456789012345678901"));
        Assert.Throws<ArgumentException>(() => new IceCredentials("abcd", "short"));
    }

    [Fact]
    public void Candidate_formats_and_parses()
    {
        var c = IceCandidate.Host(IPAddress.Loopback, 50000);
        Assert.Equal("candidate:1 1 udp 2130706431 127.0.0.1 50000 typ host", c.ToString());
        Assert.True(IceCandidate.TryParse("a=candidate:1 1 udp 2130706431 127.0.0.1 50000 typ host", out var parsed));
        Assert.Equal(c, parsed);
        Assert.True(IceCandidate.TryParse("candidate:3 1 tcp 1518280447 192.168.1.2 9 typ host tcptype active generation 0", out var tcp));
        Assert.Equal("active", tcp!.TcpType);
        Assert.False(IceCandidate.TryParse("candidate:1 1 udp x 127.0.0.1 1 typ host", out _));
        Assert.False(IceCandidate.TryParse("candidate:1 1 udp 1 127.0.0.1 70000 typ host", out _));
        Assert.False(IceCandidate.TryParse("hello", out _));
    }
}
