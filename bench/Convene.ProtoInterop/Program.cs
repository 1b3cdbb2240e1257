// Interop harness for the protocol libraries: Convene.Ice/Dtls/Srtp/Sdp against headless Chromium. One publish PC (browser offers)
// and one server-offered subscribe PC on the same UDP port; media from the first is decrypted, re-keyed and sent to the second.
// Run: bash bench/Convene.ProtoInterop/run.sh   (PREFER_CM=1 to prefer AES_CM_128_HMAC_SHA1_80).
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Convene.Dtls;
using Convene.Ice;
using Convene.Sdp;
using Convene.Srtp;

if (args.Length > 0 && args[0] == "srtp")
{
    SrtpBench.Run(args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2);
    return 0;
}

var time = TimeProvider.System;
var cert = DtlsCertificate.Generate(time);
var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
udp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
int port = ((IPEndPoint)udp.LocalEndPoint!).Port;
var rnd = new Random(7);
var log = new ConcurrentQueue<string>();
var counters = new ConcurrentDictionary<string, long>();
void Inc(string k) => counters.AddOrUpdate(k, 1, (_, v) => v + 1);
var pub = new Peer("pub", IceCredentials.Generate(rnd), cert, udp, time);
var sub = new Peer("sub", IceCredentials.Generate(rnd), cert, udp, time);
var peers = new[] { pub, sub };
SdpLocalTransport Local(Peer p) => new(p.Ice.Local.Ufrag, p.Ice.Local.Password, new SdpFingerprint("sha-256", cert.FingerprintValue), "127.0.0.1", port,
    [IceCandidate.Host(IPAddress.Loopback, port).ToString()]);
PublishAnswer? published = null;
SessionDescription? subOffer = null;
string? statsJson = null;
var done = new ManualResetEventSlim();
const uint AudioSsrc = 0x11110001, VideoSsrc = 0x22220002;

var http = new HttpListener();
int httpPort = 19000 + Random.Shared.Next(500);
http.Prefixes.Add($"http://127.0.0.1:{httpPort}/");
http.Start();
Console.WriteLine($"http://127.0.0.1:{httpPort}/");
_ = Task.Run(async () =>
{
    while (http.IsListening)
    {
        var cx = await http.GetContextAsync();
        string body = await new StreamReader(cx.Request.InputStream).ReadToEndAsync();
        string resp = "";
        try
        {
            switch (cx.Request.Url!.AbsolutePath)
            {
                case "/":
                    cx.Response.ContentType = "text/html";
                    resp = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "page.html"));
                    break;
                case "/offer":
                    if (!SessionDescription.TryParse(body, out var offer, out var e1) ||
                        !SdpNegotiator.TryAnswerPublishOffer(offer!, Local(pub), SdpOrigin.Create(1, 1), null, out published, out e1))
                    { resp = "ERR " + e1; break; }
                    foreach (var m in published!.Media) log.Enqueue($"publish mid={m.Mid} {m.Kind} accepted={m.Accepted} pt={m.Codec?.PayloadType} rtx={m.Codec?.RtxPayloadType} ssrc={m.Ssrc} ext={string.Join(",", m.Extensions.Select(x => x.Id))}");
                    pub.Start(published.Remote.Fingerprint.ToString(), log);
                    resp = published.Description.ToString();
                    break;
                case "/suboffer":
                    var a = published!.Media.First(m => m.Kind == "audio").Codec!;
                    var v = published.Media.First(m => m.Kind == "video").Codec!;
                    SubscribeSection[] sections =
                    [
                        new("0", "audio", new SubscribeTrack(a, AudioSsrc, null, "sfu", "sfu-audio", "sfu", [])),
                        new("1", "video", new SubscribeTrack(v with { RtxPayloadType = null }, VideoSsrc, null, "sfu", "sfu-video", "sfu", [])),
                    ];
                    if (!SdpNegotiator.TryBuildSubscribeOffer(Local(sub), sections, SdpOrigin.Create(2, 1), out subOffer, out var e2)) { resp = "ERR " + e2; break; }
                    resp = subOffer!.ToString();
                    break;
                case "/subanswer":
                    if (!SessionDescription.TryParse(body, out var ans, out var e3) || !SdpNegotiator.TryReadSubscribeAnswer(subOffer!, ans!, out var sa, out e3))
                    { log.Enqueue("sub answer error: " + e3); resp = "ERR"; break; }
                    foreach (var m in sa!.Media) log.Enqueue($"subscribe mid={m.Mid} accepted={m.Accepted} pt={m.Codec?.PayloadType} dir={m.Direction}");
                    log.Enqueue($"sub answer setup={sa.Remote.Setup} localIsClient={sa.LocalIsDtlsClient}");
                    sub.Start(sa.Remote.Fingerprint.ToString(), log);
                    resp = "ok";
                    break;
                case "/stats":
                    statsJson = body;
                    done.Set();
                    break;
            }
        }
        catch (Exception ex) { resp = "ERR " + ex; log.Enqueue(resp); }
        var bytes = Encoding.UTF8.GetBytes(resp);
        cx.Response.OutputStream.Write(bytes);
        cx.Response.Close();
    }
});

var byAddress = new Dictionary<SocketAddress, Peer>();
var loop = new Thread(() =>
{
    var buf = new byte[2048];
    var response = new byte[IceLiteAgent.MinResponseBufferLength];
    var from = new SocketAddress(AddressFamily.InterNetwork);
    udp.ReceiveTimeout = 200;
    var pliAt = time.GetUtcNow();
    uint? chromeVideoSsrc = null;
    var end = time.GetUtcNow().AddSeconds(60);
    while (time.GetUtcNow() < end && !done.IsSet)
    {
        foreach (var p in peers) p.Ice.Tick();
        if (sub.Tx is not null && pub.Tx is not null && chromeVideoSsrc is not null && time.GetUtcNow() >= pliAt)
        {
            pliAt = time.GetUtcNow().AddSeconds(1);
            var pli = new byte[64];
            pli[0] = 0x81; pli[1] = 206; BinaryPrimitives.WriteUInt16BigEndian(pli.AsSpan(2), 2);
            BinaryPrimitives.WriteUInt32BigEndian(pli.AsSpan(4), 1); BinaryPrimitives.WriteUInt32BigEndian(pli.AsSpan(8), chromeVideoSsrc.Value);
            if (pub.Tx.ProtectRtcp(pli, 12, out int pl) == SrtpResult.Ok) { udp.SendTo(pli.AsSpan(0, pl), SocketFlags.None, pub.Ice.SelectedRemote ?? pub.Ice.ValidRemotes[0]); Inc("pli sent"); }
        }

        int n;
        try { n = udp.ReceiveFrom(buf, SocketFlags.None, from); } catch (SocketException) { continue; }
        var packet = buf.AsSpan(0, n);
        byte b0 = buf[0];
        if (StunMessage.IsStun(packet))
        {
            if (!StunMessage.TryReadUsername(packet, out var localUfrag, out _)) { Inc("stun no username"); continue; }
            var peer = peers.FirstOrDefault(p => p.Ice.Local.Ufrag == localUfrag);
            if (peer is null) { Inc("stun unknown ufrag"); continue; }
            var r = peer.Ice.HandleBindingRequest(packet, from, response, out int rl);
            Inc($"stun {peer.Name} {r}");
            if (rl > 0) udp.SendTo(response.AsSpan(0, rl), SocketFlags.None, from);
            if (r == IceAgentResult.ResponseReady && !byAddress.ContainsKey(from))
            {
                var copy = new SocketAddress(from.Family, from.Size); from.Buffer.Span.CopyTo(copy.Buffer.Span);
                byAddress[copy] = peer;
            }
            continue;
        }

        if (!byAddress.TryGetValue(from, out var owner)) { Inc("unbound address"); continue; }
        if (b0 is >= 20 and <= 63) { owner.Dtls.Feed(packet); Inc($"dtls in {owner.Name}"); continue; }
        if (b0 is < 128 or > 191 || owner.Rx is null) { Inc($"dropped {owner.Name}"); continue; }
        if (buf[1] is >= 192 and <= 223)
        {
            var rr = owner.Rx.UnprotectRtcp(buf, n, out int rlen);
            Inc($"srtcp {owner.Name} {rr}");
            continue;
        }

        var res = owner.Rx.UnprotectRtp(buf, n, out int plain);
        Inc($"srtp {owner.Name} {res}");
        if (res != SrtpResult.Ok || owner != pub) continue;
        int pt = buf[1] & 0x7F;
        uint ssrc = BinaryPrimitives.ReadUInt32BigEndian(buf.AsSpan(8));
        var media = published!.Media.FirstOrDefault(m => m.Codec?.PayloadType == pt);
        if (media is null) { Inc($"pt {pt} not forwarded"); continue; }
        if (media.Kind == "video") chromeVideoSsrc = ssrc;
        var subTo = sub.Ice.SelectedRemote ?? sub.Ice.ValidRemotes.FirstOrDefault();
        if (sub.Tx is null || subTo is null) continue;
        BinaryPrimitives.WriteUInt32BigEndian(buf.AsSpan(8), media.Kind == "audio" ? AudioSsrc : VideoSsrc);
        if (sub.Tx.ProtectRtp(buf, plain, out int outLen) == SrtpResult.Ok)
        {
            udp.SendTo(buf.AsSpan(0, outLen), SocketFlags.None, subTo);
            Inc($"forwarded {media.Kind}");
        }
    }
}) { IsBackground = true };
loop.Start();
done.Wait(TimeSpan.FromSeconds(60));
while (log.TryDequeue(out var l)) Console.WriteLine("  " + l);
foreach (var kv in counters.OrderBy(k => k.Key)) Console.WriteLine($"  {kv.Key,-40} {kv.Value}");
foreach (var p in peers) Console.WriteLine($"  {p.Name} ice state={p.Ice.State} selected={(p.Ice.SelectedRemote is null ? "none" : IceLiteAgent.Describe(p.Ice.SelectedRemote))}");
Console.WriteLine("browser stats: " + (statsJson ?? "(none)"));
foreach (var p in peers) await p.Dtls.DisposeAsync();
http.Stop();
return statsJson is null ? 1 : 0;

sealed class Peer : IDtlsOutput
{
    private readonly Socket _udp;
    public Peer(string name, IceCredentials creds, DtlsCertificate cert, Socket udp, TimeProvider time)
    {
        Name = name; _udp = udp;
        Ice = new IceLiteAgent(creds, time);
        Dtls = new DtlsTransport(DtlsSide.Server, cert, this, time, Environment.GetEnvironmentVariable("PREFER_CM") == "1" ? new DtlsTransportOptions { SrtpProfiles = [DtlsSrtpProfile.Aes128CmHmacSha1_80, DtlsSrtpProfile.AeadAes128Gcm] } : null);
    }
    public string Name { get; }
    public IceLiteAgent Ice { get; }
    public DtlsTransport Dtls { get; }
    public volatile SrtpContext? Rx;
    public volatile SrtpContext? Tx;
    private static SrtpKeyingMaterial ToSrtp(DtlsSrtpKeys k) => new((SrtpProfile)(int)k.Profile, k.MasterKey.ToArray(), k.MasterSalt.ToArray());

    public void Send(ReadOnlySpan<byte> datagram)
    {
        var to = Ice.SelectedRemote ?? Ice.ValidRemotes.FirstOrDefault();
        if (to is not null) _udp.SendTo(datagram, SocketFlags.None, to);
    }
    public void Start(string fingerprint, ConcurrentQueue<string> log)
    {
        _ = Task.Run(async () =>
        {
            var r = await Dtls.Start(fingerprint, CancellationToken.None);
            log.Enqueue($"{Name} DTLS {r.Status} profile={r.Profile} suite=0x{r.CipherSuite:X4} {r.Error}");
            if (r.Succeeded) { Rx = new SrtpContext(ToSrtp(r.RemoteWriteKeys!)); Tx = new SrtpContext(ToSrtp(r.LocalWriteKeys!)); }
        });
    }
}
