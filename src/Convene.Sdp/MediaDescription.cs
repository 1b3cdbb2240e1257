using System.Globalization;
using System.Text;

namespace Convene.Sdp;

/// <summary>One m-section (Unified Plan: one transceiver).</summary>
public sealed class MediaDescription
{
    /// <summary>Creates an m-section.</summary>
    public MediaDescription(string kind, int port, string protocol)
    {
        Kind = kind;
        Port = port;
        Protocol = protocol;
    }

    /// <summary>"audio", "video" or "application".</summary>
    public string Kind { get; set; }

    /// <summary>m= port; 0 rejects the section.</summary>
    public int Port { get; set; }

    /// <summary>e.g. "UDP/TLS/RTP/SAVPF".</summary>
    public string Protocol { get; set; }

    /// <summary>m= format list (payload types for RTP).</summary>
    public IList<string> Formats { get; } = new List<string>();

    /// <summary>c= value, e.g. "IN IP4 0.0.0.0".</summary>
    public string? Connection { get; set; }

    /// <summary>a=mid.</summary>
    public string? Mid { get; set; }

    /// <summary>Direction attribute, null when absent (meaning sendrecv).</summary>
    public SdpDirection? Direction { get; set; }

    /// <summary>a=rtcp-mux.</summary>
    public bool RtcpMux { get; set; }

    /// <summary>a=rtcp-rsize.</summary>
    public bool RtcpReducedSize { get; set; }

    /// <summary>Media-level a=ice-ufrag.</summary>
    public string? IceUfrag { get; set; }

    /// <summary>Media-level a=ice-pwd.</summary>
    public string? IcePwd { get; set; }

    /// <summary>Media-level a=ice-options.</summary>
    public string? IceOptions { get; set; }

    /// <summary>Media-level a=fingerprint.</summary>
    public SdpFingerprint? Fingerprint { get; set; }

    /// <summary>Media-level a=setup.</summary>
    public SdpSetup? Setup { get; set; }

    /// <summary>a=msid value "stream track" (or "stream").</summary>
    public string? Msid { get; set; }

    /// <summary>Codecs with an a=rtpmap, in the order of <see cref="Formats"/>.</summary>
    public IList<SdpCodec> Codecs { get; } = new List<SdpCodec>();

    /// <summary>a=extmap lines.</summary>
    public IList<SdpExtmap> Extmaps { get; } = new List<SdpExtmap>();

    /// <summary>a=ssrc lines.</summary>
    public IList<SdpSsrcLine> Ssrcs { get; } = new List<SdpSsrcLine>();

    /// <summary>a=ssrc-group lines.</summary>
    public IList<SdpSsrcGroup> SsrcGroups { get; } = new List<SdpSsrcGroup>();

    /// <summary>a=rid lines.</summary>
    public IList<SdpRid> Rids { get; } = new List<SdpRid>();

    /// <summary>a=simulcast, when present.</summary>
    public SdpSimulcast? Simulcast { get; set; }

    /// <summary>a=candidate values (without "candidate:" removed: the full attribute value after "a=").</summary>
    public IList<string> Candidates { get; } = new List<string>();

    /// <summary>a=end-of-candidates.</summary>
    public bool EndOfCandidates { get; set; }

    /// <summary>Attributes not modelled here (kept and written back).</summary>
    public IList<SdpAttributeLine> OtherAttributes { get; } = new List<SdpAttributeLine>();

    /// <summary>Non-attribute lines other than m= and c= (e.g. b=, i=), as "x=value".</summary>
    public IList<string> OtherLines { get; } = new List<string>();

    /// <summary>Effective direction (sendrecv when absent).</summary>
    public SdpDirection EffectiveDirection => Direction ?? SdpDirection.SendRecv;

    /// <summary>The codec with payload type <paramref name="payloadType"/>, if any.</summary>
    public SdpCodec? FindCodec(int payloadType) => Codecs.FirstOrDefault(c => c.PayloadType == payloadType);

    /// <summary>The extmap id of <paramref name="uri"/>, if present.</summary>
    public int? FindExtension(string uri) => Extmaps.FirstOrDefault(e => e.Uri == uri)?.Id;

    internal void Write(StringBuilder sb)
    {
        sb.Append("m=").Append(Kind).Append(' ').Append(Port.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(Protocol);
        foreach (var format in Formats)
        {
            sb.Append(' ').Append(format);
        }

        sb.Append("\r\n");
        foreach (var line in OtherLines.Where(l => l.StartsWith("i=", StringComparison.Ordinal)))
        {
            Line(sb, line);
        }

        if (Connection is not null)
        {
            Line(sb, "c=" + Connection);
        }

        foreach (var line in OtherLines.Where(l => !l.StartsWith("i=", StringComparison.Ordinal)))
        {
            Line(sb, line);
        }

        foreach (var a in OtherAttributes.Where(a => a.Name == "rtcp"))
        {
            Attribute(sb, a.ToString());
        }

        foreach (var candidate in Candidates)
        {
            Attribute(sb, candidate);
        }

        if (EndOfCandidates)
        {
            Attribute(sb, "end-of-candidates");
        }

        Optional(sb, "ice-ufrag", IceUfrag);
        Optional(sb, "ice-pwd", IcePwd);
        Optional(sb, "ice-options", IceOptions);
        Optional(sb, "fingerprint", Fingerprint?.ToString());
        Optional(sb, "setup", Setup is null ? null : SdpNames.Of(Setup.Value));
        Optional(sb, "mid", Mid);
        foreach (var extmap in Extmaps)
        {
            Attribute(sb, "extmap:" + extmap);
        }

        if (Direction is not null)
        {
            Attribute(sb, SdpNames.Of(Direction.Value));
        }

        Optional(sb, "msid", Msid);
        if (RtcpMux)
        {
            Attribute(sb, "rtcp-mux");
        }

        if (RtcpReducedSize)
        {
            Attribute(sb, "rtcp-rsize");
        }

        foreach (var a in OtherAttributes.Where(a => a.Name != "rtcp"))
        {
            Attribute(sb, a.ToString());
        }

        foreach (var codec in Codecs)
        {
            Attribute(sb, "rtpmap:" + codec.RtpMap);
            foreach (var fb in codec.Feedback)
            {
                Attribute(sb, string.Create(CultureInfo.InvariantCulture, $"rtcp-fb:{codec.PayloadType} {fb}"));
            }

            if (codec.Fmtp is not null)
            {
                Attribute(sb, string.Create(CultureInfo.InvariantCulture, $"fmtp:{codec.PayloadType} {codec.Fmtp}"));
            }
        }

        foreach (var rid in Rids)
        {
            Attribute(sb, "rid:" + rid);
        }

        if (Simulcast is not null)
        {
            Attribute(sb, "simulcast:" + Simulcast);
        }

        foreach (var group in SsrcGroups)
        {
            Attribute(sb, "ssrc-group:" + group);
        }

        foreach (var ssrc in Ssrcs)
        {
            Attribute(sb, "ssrc:" + ssrc);
        }
    }

    private static void Optional(StringBuilder sb, string name, string? value)
    {
        if (value is not null)
        {
            Attribute(sb, name + ":" + value);
        }
    }

    private static void Attribute(StringBuilder sb, string text) => sb.Append("a=").Append(text).Append("\r\n");

    private static void Line(StringBuilder sb, string text) => sb.Append(text).Append("\r\n");
}
