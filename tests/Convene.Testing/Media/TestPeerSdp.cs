using System.Globalization;
using System.Text;
using Convene.Ice;
using Convene.Sdp;

namespace Convene.Testing.Media;

/// <summary>
/// The SDP a test peer writes: a publish offer shaped like Chromium's (tests/Convene.Sdp.Tests/TestData/
/// chrome156-offer-sendrecv.sdp, trimmed to sendonly Opus and VP8+RTX with a=ssrc lines), and the answer a browser
/// gives to a subscribe offer (recvonly, the offered codecs and extensions echoed, a=setup:active).
/// </summary>
public static class TestPeerSdp
{
    public sealed record PublishSections(uint? AudioSsrc, uint? VideoSsrc, uint? VideoRtxSsrc);

    public static string PublishOffer(IceCredentials ice, string fingerprint, ulong sessionId, int version, string cname, PublishSections sections)
    {
        ArgumentNullException.ThrowIfNull(ice);
        ArgumentNullException.ThrowIfNull(sections);
        var sb = new StringBuilder();
        Line(sb, $"v=0");
        Line(sb, $"o=- {sessionId} {version} IN IP4 127.0.0.1");
        Line(sb, $"s=-");
        Line(sb, $"t=0 0");
        Line(sb, $"a=group:BUNDLE 0 1");
        Line(sb, $"a=extmap-allow-mixed");
        Line(sb, $"a=msid-semantic: WMS stream-{cname}");
        Line(sb, $"m=audio 9 UDP/TLS/RTP/SAVPF 111 9 0 8");
        Transport(sb, ice, fingerprint, "0");
        Line(sb, $"a=extmap:{SyntheticMedia.AudioLevelExtensionId} urn:ietf:params:rtp-hdrext:ssrc-audio-level");
        Line(sb, $"a=extmap:3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01");
        Line(sb, $"a=extmap:{SyntheticMedia.MidExtensionId} urn:ietf:params:rtp-hdrext:sdes:mid");
        Line(sb, $"a={(sections.AudioSsrc is null ? "inactive" : "sendonly")}");
        if (sections.AudioSsrc is not null)
        {
            Line(sb, $"a=msid:stream-{cname} audio-{cname}");
        }

        Line(sb, $"a=rtcp-mux");
        Line(sb, $"a=rtcp-rsize");
        Line(sb, $"a=rtpmap:111 opus/48000/2");
        Line(sb, $"a=rtcp-fb:111 transport-cc");
        Line(sb, $"a=fmtp:111 minptime=10;useinbandfec=1");
        Line(sb, $"a=rtpmap:9 G722/8000");
        Line(sb, $"a=rtpmap:0 PCMU/8000");
        Line(sb, $"a=rtpmap:8 PCMA/8000");
        if (sections.AudioSsrc is { } audio)
        {
            Line(sb, $"a=ssrc:{audio} cname:{cname}");
            Line(sb, $"a=ssrc:{audio} msid:stream-{cname} audio-{cname}");
        }

        Line(sb, $"m=video 9 UDP/TLS/RTP/SAVPF 96 97");
        Transport(sb, ice, fingerprint, "1");
        Line(sb, $"a=extmap:2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time");
        Line(sb, $"a=extmap:3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01");
        Line(sb, $"a=extmap:{SyntheticMedia.MidExtensionId} urn:ietf:params:rtp-hdrext:sdes:mid");
        Line(sb, $"a={(sections.VideoSsrc is null ? "inactive" : "sendonly")}");
        if (sections.VideoSsrc is not null)
        {
            Line(sb, $"a=msid:stream-{cname} video-{cname}");
        }

        Line(sb, $"a=rtcp-mux");
        Line(sb, $"a=rtcp-rsize");
        Line(sb, $"a=rtpmap:96 VP8/90000");
        Line(sb, $"a=rtcp-fb:96 goog-remb");
        Line(sb, $"a=rtcp-fb:96 transport-cc");
        Line(sb, $"a=rtcp-fb:96 ccm fir");
        Line(sb, $"a=rtcp-fb:96 nack");
        Line(sb, $"a=rtcp-fb:96 nack pli");
        Line(sb, $"a=rtpmap:97 rtx/90000");
        Line(sb, $"a=fmtp:97 apt=96");
        if (sections.VideoSsrc is { } video)
        {
            if (sections.VideoRtxSsrc is { } rtx)
            {
                Line(sb, $"a=ssrc-group:FID {video} {rtx}");
            }

            Line(sb, $"a=ssrc:{video} cname:{cname}");
            Line(sb, $"a=ssrc:{video} msid:stream-{cname} video-{cname}");
            if (sections.VideoRtxSsrc is { } rtx2)
            {
                Line(sb, $"a=ssrc:{rtx2} cname:{cname}");
                Line(sb, $"a=ssrc:{rtx2} msid:stream-{cname} video-{cname}");
            }
        }

        return sb.ToString();
    }

    /// <summary>Answers a subscribe offer like a browser: recvonly for sendonly sections, inactive for inactive ones.</summary>
    public static string SubscribeAnswer(SessionDescription offer, IceCredentials ice, string fingerprint, ulong sessionId)
    {
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(ice);
        var sb = new StringBuilder();
        Line(sb, $"v=0");
        Line(sb, $"o=- {sessionId} 2 IN IP4 127.0.0.1");
        Line(sb, $"s=-");
        Line(sb, $"t=0 0");
        var mids = offer.Media.Where(m => m.Port != 0).Select(m => m.Mid).ToList();
        Line(sb, $"a=group:BUNDLE {string.Join(' ', mids)}");
        Line(sb, $"a=msid-semantic: WMS");
        foreach (var media in offer.Media)
        {
            if (media.Port == 0)
            {
                Line(sb, $"m={media.Kind} 0 {media.Protocol} {string.Join(' ', media.Formats)}");
                Line(sb, $"c=IN IP4 0.0.0.0");
                Line(sb, $"a=mid:{media.Mid}");
                Line(sb, $"a=inactive");
                continue;
            }

            Line(sb, $"m={media.Kind} 9 {media.Protocol} {string.Join(' ', media.Formats)}");
            Transport(sb, ice, fingerprint, media.Mid!, "active");
            foreach (var extension in media.Extmaps)
            {
                Line(sb, $"a=extmap:{extension.Id} {extension.Uri}");
            }

            Line(sb, $"a={(media.EffectiveDirection is SdpDirection.SendOnly or SdpDirection.SendRecv ? "recvonly" : "inactive")}");
            Line(sb, $"a=rtcp-mux");
            Line(sb, $"a=rtcp-rsize");
            foreach (var codec in media.Codecs)
            {
                var channels = codec.Channels is { } c ? string.Create(CultureInfo.InvariantCulture, $"/{c}") : string.Empty;
                Line(sb, $"a=rtpmap:{codec.PayloadType} {codec.Name}/{codec.ClockRate}{channels}");
                foreach (var feedback in codec.Feedback)
                {
                    Line(sb, $"a=rtcp-fb:{codec.PayloadType} {feedback}");
                }

                if (codec.Fmtp is not null)
                {
                    Line(sb, $"a=fmtp:{codec.PayloadType} {codec.Fmtp}");
                }
            }
        }

        return sb.ToString();
    }

    /// <summary>The ICE credentials, fingerprint and first host candidate of a server description.</summary>
    public static (IceCredentials Ice, string Fingerprint, System.Net.IPEndPoint Candidate) ReadServerTransport(SessionDescription description)
    {
        ArgumentNullException.ThrowIfNull(description);
        var media = description.Media.FirstOrDefault(m => m.Port != 0)
            ?? throw new InvalidOperationException("The description has no active media section.");
        var ufrag = description.IceUfragOf(media) ?? throw new InvalidOperationException("No a=ice-ufrag.");
        var pwd = description.IcePwdOf(media) ?? throw new InvalidOperationException("No a=ice-pwd.");
        var fingerprint = description.FingerprintOf(media) ?? throw new InvalidOperationException("No a=fingerprint.");
        var candidateText = media.Candidates.FirstOrDefault() ?? throw new InvalidOperationException("No a=candidate.");
        if (!IceCandidate.TryParse(candidateText, out var candidate))
        {
            throw new InvalidOperationException($"Unparseable candidate \"{candidateText}\".");
        }

        return (new IceCredentials(ufrag, pwd), $"{fingerprint.Algorithm} {fingerprint.Value}", new System.Net.IPEndPoint(candidate!.Address, candidate.Port));
    }

    private static void Transport(StringBuilder sb, IceCredentials ice, string fingerprint, string mid, string setup = "actpass")
    {
        Line(sb, $"c=IN IP4 0.0.0.0");
        Line(sb, $"a=rtcp:9 IN IP4 0.0.0.0");
        Line(sb, $"a=ice-ufrag:{ice.Ufrag}");
        Line(sb, $"a=ice-pwd:{ice.Password}");
        Line(sb, $"a=ice-options:trickle");
        Line(sb, $"a=fingerprint:{fingerprint}");
        Line(sb, $"a=setup:{setup}");
        Line(sb, $"a=mid:{mid}");
    }

    private static void Line(StringBuilder sb, FormattableString line) =>
        sb.Append(line.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
}
