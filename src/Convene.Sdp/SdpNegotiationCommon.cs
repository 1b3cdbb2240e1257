using System.Globalization;

namespace Convene.Sdp;

/// <summary>Pieces shared by the offer and answer builders.</summary>
internal static class SdpNegotiationCommon
{
    public const string Protocol = "UDP/TLS/RTP/SAVPF";

    public static bool TryReadRemoteTransport(SessionDescription sdp, IEnumerable<MediaDescription> sections, out RemoteTransport? remote, out string? error)
    {
        remote = null;
        error = null;
        foreach (var media in sections)
        {
            var ufrag = sdp.IceUfragOf(media);
            var pwd = sdp.IcePwdOf(media);
            var fingerprint = sdp.FingerprintOf(media);
            var setup = sdp.SetupOf(media) ?? SdpSetup.ActPass;
            if (ufrag is null || pwd is null)
            {
                error = $"Media section \"{media.Mid}\" has no a=ice-ufrag/a=ice-pwd.";
                return false;
            }

            if (fingerprint is null)
            {
                error = $"Media section \"{media.Mid}\" has no a=fingerprint.";
                return false;
            }

            if (fingerprint.Algorithm != "sha-256")
            {
                error = $"Fingerprint algorithm {fingerprint.Algorithm} is not supported (sha-256 only).";
                return false;
            }

            var candidate = new RemoteTransport(ufrag, pwd, fingerprint, setup);
            if (remote is null)
            {
                remote = candidate;
            }
            else if (remote != candidate)
            {
                error = "Bundled media sections disagree on ICE credentials, fingerprint or setup.";
                remote = null;
                return false;
            }
        }

        if (remote is null)
        {
            error = "No media section to take transport parameters from.";
            return false;
        }

        return true;
    }

    public static MediaDescription NewSection(string kind, string mid, SdpLocalTransport local, SdpSetup setup)
    {
        var media = new MediaDescription(kind, local.Port, Protocol)
        {
            Connection = $"IN {(local.Address.Contains(':', StringComparison.Ordinal) ? "IP6" : "IP4")} {local.Address}",
            Mid = mid,
            IceUfrag = local.IceUfrag,
            IcePwd = local.IcePwd,
            Fingerprint = local.Fingerprint,
            Setup = setup,
            RtcpMux = true,
            RtcpReducedSize = true,
            EndOfCandidates = true,
        };
        foreach (var candidate in local.Candidates)
        {
            media.Candidates.Add(candidate);
        }

        return media;
    }

    public static void Rejected(SessionDescription answer, MediaDescription offered, string mid)
    {
        var media = new MediaDescription(offered.Kind, 0, offered.Protocol) { Mid = mid, Direction = SdpDirection.Inactive };
        media.Formats.Add(offered.Formats.Count > 0 ? offered.Formats[0] : "0");
        answer.Media.Add(media);
    }

    public static (uint? Ssrc, uint? Rtx, string? Cname) ReadSsrcs(MediaDescription media)
    {
        uint? ssrc = null;
        uint? rtx = null;
        var fid = media.SsrcGroups.FirstOrDefault(g => g.Semantics == "FID" && g.Ssrcs.Count >= 2);
        if (fid is not null)
        {
            ssrc = fid.Ssrcs[0];
            rtx = fid.Ssrcs[1];
        }
        else if (media.Ssrcs.Count > 0)
        {
            ssrc = media.Ssrcs[0].Ssrc;
        }

        var cname = ssrc is null ? null : media.Ssrcs.FirstOrDefault(s => s.Ssrc == ssrc && s.Name == "cname")?.Value;
        return (ssrc, rtx, cname);
    }

    public static (string? Stream, string? Track) ReadMsid(MediaDescription media)
    {
        var msid = media.Msid ?? media.Ssrcs.FirstOrDefault(s => s.Name == "msid")?.Value;
        if (string.IsNullOrWhiteSpace(msid))
        {
            return (null, null);
        }

        var parts = msid.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (parts[0], parts.Length > 1 ? parts[1] : null);
    }

    public static SdpCodec ToSdpCodec(NegotiatedCodec codec)
    {
        var sdp = new SdpCodec(codec.PayloadType, codec.Name, codec.ClockRate, codec.Channels) { Fmtp = codec.Fmtp };
        foreach (var fb in codec.Feedback)
        {
            sdp.Feedback.Add(fb);
        }

        return sdp;
    }

    public static SdpCodec RtxCodec(int rtxPayloadType, NegotiatedCodec codec) =>
        new(rtxPayloadType, "rtx", codec.ClockRate) { Fmtp = "apt=" + codec.PayloadType.ToString(CultureInfo.InvariantCulture) };

    public static string Pt(int pt) => pt.ToString(CultureInfo.InvariantCulture);
}
