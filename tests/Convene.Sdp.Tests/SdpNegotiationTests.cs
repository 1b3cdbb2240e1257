namespace Convene.Sdp.Tests;

public sealed class SdpNegotiationTests
{
    internal static readonly SdpLocalTransport Local = new(
        "srvufrag",
        "serverpasswordserverpassword",
        new SdpFingerprint("sha-256", "D2:69:CF:33:D0:3F:E7:8B:4A:25:20:54:50:A2:5E:27:35:54:1A:43:40:BD:17:83:86:72:95:B1:1D:8F:1F:84"),
        "127.0.0.1",
        50000,
        ["candidate:1 1 udp 2130706431 127.0.0.1 50000 typ host"]);

    private static PublishAnswer Answer(string offer, SdpNegotiationOptions? options = null)
    {
        Assert.True(SdpNegotiator.TryAnswerPublishOffer(ChromeOffers.Parse(offer), Local, SdpOrigin.Create(7, 1), options, out var answer, out var error), error);
        return answer!;
    }

    [Fact]
    public void Publish_answer_to_chrome_sendrecv_offer_has_what_chrome_needs()
    {
        var answer = Answer(ChromeOffers.SendRecv);
        var text = answer.Description.ToString();
        var sdp = ChromeOffers.Parse(text);
        Assert.True(sdp.IceLite);
        Assert.Equal(["0", "1"], sdp.BundleMids);
        Assert.Equal(7UL, sdp.Origin.SessionId);

        var audio = sdp.Media[0];
        Assert.Equal("m=audio 50000 UDP/TLS/RTP/SAVPF 111", ChromeOffers.Lines(text).First(l => l.StartsWith("m=audio", StringComparison.Ordinal)));
        Assert.Equal(SdpDirection.RecvOnly, audio.Direction);
        Assert.Equal("minptime=10;useinbandfec=1", audio.FindCodec(111)!.Fmtp);
        Assert.Empty(audio.FindCodec(111)!.Feedback); // transport-cc is off by default
        Assert.Equal([1, 2, 4], audio.Extmaps.Select(e => e.Id).Order());
        foreach (var media in sdp.Media)
        {
            Assert.Equal("srvufrag", sdp.IceUfragOf(media));
            Assert.Equal("serverpasswordserverpassword", sdp.IcePwdOf(media));
            Assert.Equal(Local.Fingerprint, sdp.FingerprintOf(media));
            Assert.Equal(SdpSetup.Passive, sdp.SetupOf(media));
            Assert.True(media.RtcpMux);
            Assert.True(media.RtcpReducedSize);
            Assert.Equal(Local.Candidates, media.Candidates);
            Assert.True(media.EndOfCandidates);
            Assert.Equal("IN IP4 127.0.0.1", media.Connection);
            Assert.Null(media.FindExtension(RtpExtensionUris.TransportWideCc));
        }

        var video = sdp.Media[1];
        Assert.Equal(["96", "97"], video.Formats);
        Assert.Equal(["goog-remb", "ccm fir", "nack", "nack pli"], video.FindCodec(96)!.Feedback);
        Assert.Equal("apt=96", video.FindCodec(97)!.Fmtp);
        Assert.Null(video.FindExtension(RtpExtensionUris.RtpStreamId));

        Assert.False(answer.LocalIsDtlsClient);
        Assert.Equal("TZA1", answer.Remote.IceUfrag);
        Assert.Equal("NrTCATRYJNSmqoSyeLxOKSlJ", answer.Remote.IcePwd);
        Assert.Equal(SdpSetup.ActPass, answer.Remote.Setup);
        var a = answer.Media[0];
        Assert.True(a.Accepted);
        Assert.Equal(111, a.Codec!.PayloadType);
        Assert.Equal(48000, a.Codec.ClockRate);
        Assert.Null(a.Codec.RtxPayloadType);
        Assert.Equal(3931086113u, a.Ssrc);
        Assert.Equal("gVhqb6FGYCNIuwjN", a.Cname);
        Assert.Equal("03be1512-57b7-4a94-bfd4-2d2ae83e6098", a.StreamId);
        Assert.Equal("09a97cc0-589c-4607-bbd1-fe76ee3bff74", a.TrackId);
        Assert.Equal(1, a.ExtensionId(RtpExtensionUris.AudioLevel));
        Assert.Equal(4, a.ExtensionId(RtpExtensionUris.Mid));
        var v = answer.Media[1];
        Assert.Equal("VP8", v.Codec!.Name);
        Assert.Equal(97, v.Codec.RtxPayloadType);
        Assert.Equal(3860898114u, v.Ssrc);
        Assert.Equal(880009146u, v.RtxSsrc);
        Assert.False(v.IsSimulcast);
    }

    [Fact]
    public void Transport_cc_is_negotiated_only_when_enabled()
    {
        var answer = Answer(ChromeOffers.SendRecv, new SdpNegotiationOptions { TransportWideCc = true });
        Assert.Equal(3, answer.Media[1].ExtensionId(RtpExtensionUris.TransportWideCc));
        Assert.Contains("transport-cc", answer.Media[1].Codec!.Feedback);
        Assert.Contains("transport-cc", answer.Media[0].Codec!.Feedback);
    }

    [Fact]
    public void Publish_answer_to_chrome_simulcast_offer_receives_rids()
    {
        var answer = Answer(ChromeOffers.Simulcast);
        var sdp = ChromeOffers.Parse(answer.Description.ToString());
        var video = sdp.Media[1];
        Assert.Equal(["q", "h", "f"], video.Rids.Select(r => r.Id));
        Assert.All(video.Rids, r => Assert.Equal("recv", r.Direction));
        Assert.Equal("recv q;h;f", video.Simulcast!.ToString());
        Assert.Equal(10, video.FindExtension(RtpExtensionUris.RtpStreamId));
        Assert.Equal(11, video.FindExtension(RtpExtensionUris.RepairedRtpStreamId));
        Assert.Equal(4, video.FindExtension(RtpExtensionUris.Mid));
        Assert.True(answer.Media[1].IsSimulcast);
        Assert.Equal(["q", "h", "f"], answer.Media[1].Rids);
        Assert.Null(answer.Media[1].Ssrc);

        // The third section is the browser's own recvonly transceiver: nothing to receive on a publish PC.
        Assert.Equal(SdpDirection.Inactive, sdp.Media[2].Direction);
        Assert.False(answer.Media[2].Accepted);
    }

    private const string H264Offer =
        "v=0\r\no=- 5 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE v d\r\n" +
        "m=video 9 UDP/TLS/RTP/SAVPF 45 102 103 108 109\r\nc=IN IP4 0.0.0.0\r\na=ice-ufrag:abcd\r\na=ice-pwd:0123456789012345678901\r\n" +
        "a=fingerprint:sha-256 AA:BB\r\na=setup:actpass\r\na=mid:v\r\na=sendonly\r\na=rtcp-mux\r\n" +
        "a=rtpmap:45 AV1/90000\r\na=rtpmap:102 H264/90000\r\na=fmtp:102 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42001f\r\n" +
        "a=rtpmap:103 rtx/90000\r\na=fmtp:103 apt=102\r\n" +
        "a=rtpmap:108 H264/90000\r\na=rtcp-fb:108 nack\r\na=fmtp:108 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f\r\n" +
        "a=rtpmap:109 rtx/90000\r\na=fmtp:109 apt=108\r\n" +
        "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\nc=IN IP4 0.0.0.0\r\na=mid:d\r\na=sctp-port:5000\r\n";

    [Fact]
    public void Without_vp8_h264_42e01f_is_chosen_and_data_channel_rejected()
    {
        var answer = Answer(H264Offer);
        var v = answer.Media[0];
        Assert.Equal(108, v.Codec!.PayloadType);
        Assert.Equal(109, v.Codec.RtxPayloadType);
        Assert.Equal(["nack"], v.Codec.Feedback);
        Assert.False(answer.Media[1].Accepted);
        var sdp = ChromeOffers.Parse(answer.Description.ToString());
        Assert.Equal(0, sdp.Media[1].Port);
        Assert.Equal("d", sdp.Media[1].Mid);
        Assert.Equal(["v"], sdp.BundleMids);

        Assert.False(SdpNegotiator.TryAnswerPublishOffer(ChromeOffers.Parse(H264Offer), Local, SdpOrigin.Create(1, 1),
            new SdpNegotiationOptions { H264 = false }, out _, out var error));
        Assert.Contains("No media section", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a=group:BUNDLE v d\r\n", "", "BUNDLE")]
    [InlineData("a=fingerprint:sha-256 AA:BB\r\n", "", "fingerprint")]
    [InlineData("a=fingerprint:sha-256 AA:BB\r\n", "a=fingerprint:sha-1 AA:BB\r\n", "sha-256 only")]
    [InlineData("a=ice-pwd:0123456789012345678901\r\n", "", "ice-pwd")]
    [InlineData("a=rtcp-mux\r\n", "", "rtcp-mux")]
    [InlineData("a=setup:actpass\r\n", "a=setup:holdconn\r\n", "holdconn")]
    public void Publish_offers_missing_what_we_need_are_refused_clearly(string remove, string replacement, string expected)
    {
        var offer = ChromeOffers.Parse(H264Offer.Replace(remove, replacement, StringComparison.Ordinal));
        Assert.False(SdpNegotiator.TryAnswerPublishOffer(offer, Local, SdpOrigin.Create(1, 1), null, out var answer, out var error));
        Assert.Null(answer);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Offer_setup_passive_makes_us_the_dtls_client()
    {
        var answer = Answer(H264Offer.Replace("a=setup:actpass", "a=setup:passive", StringComparison.Ordinal));
        Assert.True(answer.LocalIsDtlsClient);
        Assert.Equal(SdpSetup.Active, answer.Description.Media[0].Setup);
    }

    private static readonly NegotiatedCodec Opus = new(111, "opus", 48000, 2, "minptime=10;useinbandfec=1", null, []);
    private static readonly NegotiatedCodec Vp8 = new(96, "VP8", 90000, null, null, 97, ["goog-remb", "ccm fir", "nack", "nack pli"]);

    private static IReadOnlyList<SubscribeSection> Sections() =>
    [
        new("0", "audio", new SubscribeTrack(Opus, 1111, null, "alice", "alice-mic", "sfu",
            [new NegotiatedExtension(1, RtpExtensionUris.AudioLevel), new NegotiatedExtension(4, RtpExtensionUris.Mid)])),
        new("1", "video", new SubscribeTrack(Vp8, 2222, 2223, "alice", "alice-cam", "sfu",
            [new NegotiatedExtension(4, RtpExtensionUris.Mid), new NegotiatedExtension(2, RtpExtensionUris.AbsSendTime)])),
        new("2", "video", null),
    ];

    private static SessionDescription SubscribeOffer()
    {
        Assert.True(SdpNegotiator.TryBuildSubscribeOffer(Local, Sections(), SdpOrigin.Create(9, 3), out var offer, out var error), error);
        return offer!;
    }

    [Fact]
    public void Subscribe_offer_has_sendonly_sections_with_ssrcs_msid_and_recycled_inactive_mid()
    {
        var text = SubscribeOffer().ToString();
        var sdp = ChromeOffers.Parse(text);
        Assert.True(sdp.IceLite);
        Assert.Equal(["0", "1", "2"], sdp.BundleMids);
        Assert.Contains("a=msid-semantic: WMS *\r\n", text, StringComparison.Ordinal);
        var audio = sdp.Media[0];
        Assert.Equal(SdpDirection.SendOnly, audio.Direction);
        Assert.Equal("alice alice-mic", audio.Msid);
        Assert.Equal(SdpSetup.ActPass, audio.Setup);
        Assert.Contains(audio.Ssrcs, s => s.Ssrc == 1111 && s.Name == "cname" && s.Value == "sfu");
        var video = sdp.Media[1];
        Assert.Equal(["96", "97"], video.Formats);
        Assert.Equal("apt=96", video.FindCodec(97)!.Fmtp);
        Assert.Equal(["goog-remb", "ccm fir", "nack", "nack pli"], video.FindCodec(96)!.Feedback);
        Assert.Equal([2222u, 2223u], Assert.Single(video.SsrcGroups).Ssrcs);
        Assert.Equal(2, video.FindExtension(RtpExtensionUris.AbsSendTime));
        Assert.Equal(SdpDirection.Inactive, sdp.Media[2].Direction);
        Assert.NotEqual(0, sdp.Media[2].Port);
        Assert.Empty(sdp.Media[2].Ssrcs);
    }

    private static SessionDescription BrowserAnswer(SessionDescription offer)
    {
        // What Chrome answers: recvonly, its own ICE/DTLS parameters, setup active, no SSRCs; it keeps our PTs and ids.
        var answer = ChromeOffers.Parse(offer.ToString());
        answer.IceLite = false;
        foreach (var m in answer.Media)
        {
            m.IceUfrag = "brws";
            m.IcePwd = "browserpasswordbrowser";
            m.Fingerprint = new SdpFingerprint("sha-256", "11:22");
            m.Setup = SdpSetup.Active;
            m.Direction = m.Direction == SdpDirection.SendOnly ? SdpDirection.RecvOnly : SdpDirection.Inactive;
            m.Ssrcs.Clear();
            m.SsrcGroups.Clear();
            m.Msid = null;
            m.Candidates.Clear();
        }

        return answer;
    }

    [Fact]
    public void Subscribe_answer_is_read_into_negotiated_media()
    {
        var offer = SubscribeOffer();
        var answer = BrowserAnswer(offer);
        answer.Media[1].Extmaps.RemoveAt(1); // the browser declined abs-send-time
        Assert.True(SdpNegotiator.TryReadSubscribeAnswer(offer, answer, out var result, out var error), error);
        Assert.False(result!.LocalIsDtlsClient);
        Assert.Equal("brws", result.Remote.IceUfrag);
        Assert.Equal("browserpasswordbrowser", result.Remote.IcePwd);
        Assert.Equal("11:22", result.Remote.Fingerprint.Value);
        var audio = result.Media[0];
        Assert.True(audio.Accepted);
        Assert.Equal(111, audio.Codec!.PayloadType);
        Assert.Equal(1111u, audio.Ssrc);
        Assert.Equal(1, audio.ExtensionId(RtpExtensionUris.AudioLevel));
        var video = result.Media[1];
        Assert.Equal(96, video.Codec!.PayloadType);
        Assert.Equal(97, video.Codec.RtxPayloadType);
        Assert.Equal(2222u, video.Ssrc);
        Assert.Equal(2223u, video.RtxSsrc);
        Assert.Null(video.ExtensionId(RtpExtensionUris.AbsSendTime));
        Assert.Equal(4, video.ExtensionId(RtpExtensionUris.Mid));
        Assert.False(result.Media[2].Accepted);
    }

    [Fact]
    public void Subscribe_answer_errors_are_clear()
    {
        var offer = SubscribeOffer();
        var missing = BrowserAnswer(offer);
        missing.Media.RemoveAt(2);
        Assert.False(SdpNegotiator.TryReadSubscribeAnswer(offer, missing, out _, out var e1));
        Assert.Contains("mid \"2\"", e1, StringComparison.Ordinal);

        var wrongPt = BrowserAnswer(offer);
        wrongPt.Media[0].Formats.Clear();
        wrongPt.Media[0].Formats.Add("0");
        Assert.False(SdpNegotiator.TryReadSubscribeAnswer(offer, wrongPt, out _, out var e2));
        Assert.Contains("accepts none", e2, StringComparison.Ordinal);

        var actpass = BrowserAnswer(offer);
        foreach (var m in actpass.Media)
        {
            m.Setup = SdpSetup.ActPass;
        }

        Assert.False(SdpNegotiator.TryReadSubscribeAnswer(offer, actpass, out _, out var e3));
        Assert.Contains("active or passive", e3, StringComparison.Ordinal);
    }

    [Fact]
    public void Subscribe_offer_refuses_pt_clashes_and_duplicate_mids()
    {
        var h264On96 = new NegotiatedCodec(96, "H264", 90000, null, "packetization-mode=1;profile-level-id=42e01f", null, []);
        var clash = new List<SubscribeSection>(Sections()) { new("3", "video", new SubscribeTrack(h264On96, 3333, null, "bob", "bob-cam", "sfu", [])) };
        Assert.False(SdpNegotiator.TryBuildSubscribeOffer(Local, clash, SdpOrigin.Create(1, 1), out _, out var e1));
        Assert.Contains("Payload type 96", e1, StringComparison.Ordinal);

        var dup = new List<SubscribeSection>(Sections()) { new("1", "audio", null) };
        Assert.False(SdpNegotiator.TryBuildSubscribeOffer(Local, dup, SdpOrigin.Create(1, 1), out _, out var e2));
        Assert.Contains("used twice", e2, StringComparison.Ordinal);

        Assert.False(SdpNegotiator.TryBuildSubscribeOffer(Local, [], SdpOrigin.Create(1, 1), out _, out _));
    }
}
