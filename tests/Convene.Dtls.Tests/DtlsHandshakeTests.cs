using Convene.Dtls;
using Convene.Srtp;

namespace Convene.Dtls.Tests;

public sealed class DtlsHandshakeTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(45);
    private static readonly DtlsCertificate ServerCert = DtlsCertificate.Generate(TimeProvider.System);
    private static readonly DtlsCertificate ClientCert = DtlsCertificate.Generate(TimeProvider.System);

    private sealed record Pair(DtlsTransport Server, DtlsTransport Client, MemoryWire ToClient, MemoryWire ToServer) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Client.DisposeAsync();
            await Server.DisposeAsync();
        }
    }

    private static Pair Connect(DtlsTransportOptions? serverOptions = null, DtlsTransportOptions? clientOptions = null, double loss = 0)
    {
        var toClient = new MemoryWire(loss, 11);
        var toServer = new MemoryWire(loss, 12);
        var server = new DtlsTransport(DtlsSide.Server, ServerCert, toClient, TimeProvider.System, serverOptions);
        var client = new DtlsTransport(DtlsSide.Client, ClientCert, toServer, TimeProvider.System, clientOptions);
        toClient.Deliver = d => client.Feed(d.Span);
        toServer.Deliver = d => server.Feed(d.Span);
        return new Pair(server, client, toClient, toServer);
    }

    private static async Task<(DtlsHandshakeResult Server, DtlsHandshakeResult Client)> Run(Pair pair, string? serverExpects = null, string? clientExpects = null)
    {
        var server = pair.Server.Start(serverExpects ?? ClientCert.Fingerprint, TestContext.Current.CancellationToken);
        var client = pair.Client.Start(clientExpects ?? ServerCert.Fingerprint, TestContext.Current.CancellationToken);
        return (await server.WaitAsync(Bound, TestContext.Current.CancellationToken), await client.WaitAsync(Bound, TestContext.Current.CancellationToken));
    }

    private static void AssertSameKeys(DtlsSrtpKeys? a, DtlsSrtpKeys? b)
    {
        Assert.NotNull(a);
        Assert.NotNull(b);
        Assert.Equal(a.Profile, b.Profile);
        Assert.Equal(a.MasterKey.ToArray(), b.MasterKey.ToArray());
        Assert.Equal(a.MasterSalt.ToArray(), b.MasterSalt.ToArray());
    }

    private static SrtpKeyingMaterial ToSrtp(DtlsSrtpKeys keys) =>
        new((SrtpProfile)(int)keys.Profile, keys.MasterKey.ToArray(), keys.MasterSalt.ToArray());

    [Fact]
    public async Task Handshake_prefers_gcm_and_both_sides_derive_the_same_keys()
    {
        await using var pair = Connect();
        var (server, client) = await Run(pair);
        Assert.True(server.Succeeded, server.Error);
        Assert.True(client.Succeeded, client.Error);
        Assert.Equal(DtlsSrtpProfile.AeadAes128Gcm, server.Profile);
        Assert.Equal(DtlsSrtpProfile.AeadAes128Gcm, client.Profile);
        Assert.Equal(0xC02B, server.CipherSuite); // TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256
        Assert.Equal(ClientCert.FingerprintValue, server.RemoteFingerprint);
        Assert.Equal(ServerCert.FingerprintValue, client.RemoteFingerprint);
        AssertSameKeys(server.ClientWriteKeys, client.ClientWriteKeys);
        AssertSameKeys(server.ServerWriteKeys, client.ServerWriteKeys);
        Assert.NotEqual(server.ClientWriteKeys!.MasterKey.ToArray(), server.ServerWriteKeys!.MasterKey.ToArray());
        Assert.Equal(12, server.ClientWriteKeys.MasterSalt.Length);
        Assert.False(server.IsClient);
        Assert.True(client.IsClient);

        // The exported keys work end to end: the client protects, the server unprotects.
        using var send = new SrtpContext(ToSrtp(client.LocalWriteKeys!));
        using var receive = new SrtpContext(ToSrtp(server.RemoteWriteKeys!));
        var packet = new byte[12 + 40 + SrtpContext.MaxOverhead];
        packet[0] = 0x80;
        packet[1] = 96;
        packet[11] = 5;
        Assert.Equal(SrtpResult.Ok, send.ProtectRtp(packet, 52, out int n));
        Assert.Equal(SrtpResult.Ok, receive.UnprotectRtp(packet, n, out int m));
        Assert.Equal(52, m);
    }

    [Fact]
    public async Task Aes_cm_profile_is_negotiated_when_preferred_or_only_offered()
    {
        await using (var onlyCm = Connect(clientOptions: new DtlsTransportOptions { SrtpProfiles = [DtlsSrtpProfile.Aes128CmHmacSha1_80] }))
        {
            var (server, client) = await Run(onlyCm);
            Assert.True(server.Succeeded, server.Error);
            Assert.Equal(DtlsSrtpProfile.Aes128CmHmacSha1_80, client.Profile);
            Assert.Equal(14, client.ClientWriteKeys!.MasterSalt.Length);
            AssertSameKeys(server.ServerWriteKeys, client.ServerWriteKeys);
        }

        await using var serverPrefersCm = Connect(serverOptions: new DtlsTransportOptions
        {
            SrtpProfiles = [DtlsSrtpProfile.Aes128CmHmacSha1_80, DtlsSrtpProfile.AeadAes128Gcm],
        });
        var (s2, c2) = await Run(serverPrefersCm);
        Assert.Equal(DtlsSrtpProfile.Aes128CmHmacSha1_80, s2.Profile);
        Assert.Equal(DtlsSrtpProfile.Aes128CmHmacSha1_80, c2.Profile);
    }

    [Fact]
    public async Task No_common_profile_fails_cleanly()
    {
        await using var pair = Connect(
            serverOptions: new DtlsTransportOptions { SrtpProfiles = [DtlsSrtpProfile.AeadAes128Gcm] },
            clientOptions: new DtlsTransportOptions { SrtpProfiles = [DtlsSrtpProfile.Aes128CmHmacSha1_80], HandshakeTimeout = TimeSpan.FromSeconds(3) });
        var (server, client) = await Run(pair);
        Assert.Equal(DtlsHandshakeStatus.NoCommonProfile, server.Status);
        Assert.False(client.Succeeded);
        Assert.Null(server.LocalWriteKeys);
    }

    [Fact]
    public async Task Server_rejects_a_client_certificate_that_does_not_match_the_sdp()
    {
        var other = DtlsCertificate.Generate(TimeProvider.System);
        await using var pair = Connect(clientOptions: new DtlsTransportOptions { HandshakeTimeout = TimeSpan.FromSeconds(3) });
        var (server, client) = await Run(pair, serverExpects: other.Fingerprint);
        Assert.Equal(DtlsHandshakeStatus.FingerprintMismatch, server.Status);
        Assert.Equal(ClientCert.FingerprintValue, server.RemoteFingerprint);
        Assert.False(client.Succeeded);
    }

    [Fact]
    public async Task Client_rejects_a_server_certificate_that_does_not_match_the_sdp()
    {
        var other = DtlsCertificate.Generate(TimeProvider.System);
        await using var pair = Connect(serverOptions: new DtlsTransportOptions { HandshakeTimeout = TimeSpan.FromSeconds(3) });
        var (server, client) = await Run(pair, clientExpects: other.Fingerprint);
        Assert.Equal(DtlsHandshakeStatus.FingerprintMismatch, client.Status);
        Assert.False(server.Succeeded);
    }

    [Fact]
    public async Task Handshake_survives_garbage_and_truncated_records_in_between()
    {
        var random = new Random(6347);
        await using var pair = Connect();
        var real = pair.ToServer.Deliver!;
        pair.ToServer.Deliver = d =>
        {
            var junk = new byte[random.Next(1, 200)];
            random.NextBytes(junk);
            junk[0] = (byte)random.Next(20, 64);
            pair.Server.Feed(junk);
            pair.Server.Feed(d.Span[..(d.Length / 2)]);
            return real(d);
        };
        var (server, client) = await Run(pair);
        Assert.True(server.Succeeded, server.Error);
        Assert.True(client.Succeeded, client.Error);
    }

    [Fact]
    public async Task Handshake_completes_with_twenty_percent_loss()
    {
        // Generous timeout: BC backs off exponentially from 200 ms and this machine is shared by many builds.
        var patient = new DtlsTransportOptions { HandshakeTimeout = TimeSpan.FromSeconds(30) };
        await using var pair = Connect(patient, patient, loss: 0.2);
        var (server, client) = await Run(pair);
        Assert.True(server.Succeeded, server.Error);
        Assert.True(client.Succeeded, client.Error);
        AssertSameKeys(server.ClientWriteKeys, client.ClientWriteKeys);
    }

    [Fact]
    public async Task Silent_peer_times_out_as_a_result()
    {
        var wire = new MemoryWire();
        await using var server = new DtlsTransport(DtlsSide.Server, ServerCert, wire, TimeProvider.System, new DtlsTransportOptions { HandshakeTimeout = TimeSpan.FromMilliseconds(600) });
        var random = new Random(3);
        for (int i = 0; i < 20; i++)
        {
            var junk = new byte[random.Next(0, 100)];
            random.NextBytes(junk);
            server.Feed(junk);
        }

        var result = await server.Start(ClientCert.Fingerprint, TestContext.Current.CancellationToken).WaitAsync(Bound, TestContext.Current.CancellationToken);
        Assert.Equal(DtlsHandshakeStatus.Timeout, result.Status);
        Assert.Contains("0.6", result.Error, StringComparison.Ordinal);
        await server.Closed.WaitAsync(Bound, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Dispose_cancels_is_idempotent_and_stops_feeding()
    {
        var server = new DtlsTransport(DtlsSide.Server, ServerCert, new MemoryWire(), TimeProvider.System);
        var pending = server.Start(ClientCert.Fingerprint, TestContext.Current.CancellationToken);
        server.Dispose();
        server.Dispose();
        var result = await pending.WaitAsync(Bound, TestContext.Current.CancellationToken);
        Assert.Equal(DtlsHandshakeStatus.Cancelled, result.Status);
        await server.DisposeAsync();
        await server.Closed.WaitAsync(Bound, TestContext.Current.CancellationToken);
        Assert.False(server.Feed(new byte[] { 22, 254, 253 }));

        var neverStarted = new DtlsTransport(DtlsSide.Client, ClientCert, new MemoryWire(), TimeProvider.System);
        await neverStarted.DisposeAsync();
        Assert.Equal(DtlsHandshakeStatus.Cancelled, (await neverStarted.Completion.WaitAsync(Bound, TestContext.Current.CancellationToken)).Status);
    }

    [Fact]
    public async Task Start_token_cancels_the_handshake()
    {
        using var cts = new CancellationTokenSource();
        await using var server = new DtlsTransport(DtlsSide.Server, ServerCert, new MemoryWire(), TimeProvider.System);
        var pending = server.Start(ClientCert.Fingerprint, cts.Token);
        await cts.CancelAsync();
        Assert.Equal(DtlsHandshakeStatus.Cancelled, (await pending.WaitAsync(Bound, TestContext.Current.CancellationToken)).Status);
    }

    [Fact]
    public async Task Inbound_queue_is_bounded_against_floods()
    {
        await using var server = new DtlsTransport(DtlsSide.Server, ServerCert, new MemoryWire(), TimeProvider.System, new DtlsTransportOptions { InboundQueueCapacity = 16 });
        int accepted = 0;
        for (int i = 0; i < 1000; i++)
        {
            accepted += server.Feed(new byte[] { 22, 254, 253, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0 }) ? 1 : 0;
        }

        Assert.Equal(16, accepted);
        Assert.Equal(984, server.DroppedDatagrams);
    }

    [Fact]
    public async Task Peer_close_ends_the_association()
    {
        var pair = Connect();
        var (server, _) = await Run(pair);
        Assert.True(server.Succeeded);
        await pair.Client.DisposeAsync(); // sends close_notify
        await pair.Server.Closed.WaitAsync(Bound, TestContext.Current.CancellationToken);
        await pair.Server.DisposeAsync();
    }

    [Fact]
    public async Task Bad_arguments_throw_programmer_errors()
    {
        await using var server = new DtlsTransport(DtlsSide.Server, ServerCert, new MemoryWire(), TimeProvider.System);
        Assert.Throws<ArgumentException>(() => { _ = server.Start("md5 AA:BB", TestContext.Current.CancellationToken); });
        _ = server.Start(ClientCert.Fingerprint.ToLowerInvariant(), TestContext.Current.CancellationToken);
        Assert.Throws<InvalidOperationException>(() => { _ = server.Start(ClientCert.Fingerprint, TestContext.Current.CancellationToken); });
        Assert.Throws<ArgumentException>(() => new DtlsTransport(DtlsSide.Server, ServerCert, new MemoryWire(), TimeProvider.System, new DtlsTransportOptions { SrtpProfiles = [] }));
    }

    [Fact]
    public void Certificate_fingerprint_is_sdp_formatted()
    {
        Assert.StartsWith("sha-256 ", ServerCert.Fingerprint, StringComparison.Ordinal);
        Assert.Matches("^([0-9A-F]{2}:){31}[0-9A-F]{2}$", ServerCert.FingerprintValue);
        Assert.NotEqual(ServerCert.FingerprintValue, ClientCert.FingerprintValue);
        Assert.Equal(ServerCert.FingerprintValue, DtlsCertificate.NormalizeFingerprint(ServerCert.Fingerprint.ToLowerInvariant()));
        Assert.Null(DtlsCertificate.NormalizeFingerprint("sha-1 AA:BB"));
    }
}
