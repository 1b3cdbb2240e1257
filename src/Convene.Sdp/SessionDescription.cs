using System.Text;

namespace Convene.Sdp;

/// <summary>
/// A session description (RFC 8866) in the Unified Plan subset WebRTC uses (RFC 8829). Parse with
/// <see cref="TryParse"/> (never throws; unknown lines are kept) and write with <see cref="ToString"/> (CRLF).
/// </summary>
public sealed class SessionDescription
{
    /// <summary>o= line.</summary>
    public SdpOrigin Origin { get; set; } = SdpOrigin.Create(1, 1);

    /// <summary>s= value.</summary>
    public string SessionName { get; set; } = "-";

    /// <summary>t= value.</summary>
    public string Timing { get; set; } = "0 0";

    /// <summary>a=group lines (BUNDLE, LS).</summary>
    public IList<SdpGroup> Groups { get; } = new List<SdpGroup>();

    /// <summary>a=ice-lite.</summary>
    public bool IceLite { get; set; }

    /// <summary>a=extmap-allow-mixed.</summary>
    public bool ExtmapAllowMixed { get; set; }

    /// <summary>a=msid-semantic value as written after the colon (Chrome writes " WMS id").</summary>
    public string? MsidSemantic { get; set; }

    /// <summary>Session-level a=ice-ufrag.</summary>
    public string? IceUfrag { get; set; }

    /// <summary>Session-level a=ice-pwd.</summary>
    public string? IcePwd { get; set; }

    /// <summary>Session-level a=ice-options.</summary>
    public string? IceOptions { get; set; }

    /// <summary>Session-level a=fingerprint.</summary>
    public SdpFingerprint? Fingerprint { get; set; }

    /// <summary>Session-level a=setup.</summary>
    public SdpSetup? Setup { get; set; }

    /// <summary>Session attributes not modelled here.</summary>
    public IList<SdpAttributeLine> OtherAttributes { get; } = new List<SdpAttributeLine>();

    /// <summary>Session lines other than v/o/s/t/a (e.g. c=, b=), as "x=value".</summary>
    public IList<string> OtherLines { get; } = new List<string>();

    /// <summary>m-sections in order.</summary>
    public IList<MediaDescription> Media { get; } = new List<MediaDescription>();

    /// <summary>The BUNDLE group's mids, or empty.</summary>
    public IReadOnlyList<string> BundleMids => Groups.FirstOrDefault(g => g.Semantics == "BUNDLE")?.Mids ?? [];

    /// <summary>Parses SDP text. Returns false with a readable <paramref name="error"/> for invalid or conflicting input.</summary>
    public static bool TryParse(string? text, out SessionDescription? description, out string? error) =>
        SdpParser.TryParse(text, out description, out error);

    /// <summary>The section with <paramref name="mid"/>, if any.</summary>
    public MediaDescription? FindMedia(string mid) => Media.FirstOrDefault(m => m.Mid == mid);

    /// <summary>ICE ufrag of a section (media level, else session level).</summary>
    public string? IceUfragOf(MediaDescription media) => media?.IceUfrag ?? IceUfrag;

    /// <summary>ICE password of a section (media level, else session level).</summary>
    public string? IcePwdOf(MediaDescription media) => media?.IcePwd ?? IcePwd;

    /// <summary>Fingerprint of a section (media level, else session level).</summary>
    public SdpFingerprint? FingerprintOf(MediaDescription media) => media?.Fingerprint ?? Fingerprint;

    /// <summary>Setup of a section (media level, else session level).</summary>
    public SdpSetup? SetupOf(MediaDescription media) => media?.Setup ?? Setup;

    /// <summary>Writes the SDP with CRLF line ends.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder(2048);
        sb.Append("v=0\r\n");
        sb.Append("o=").Append(Origin).Append("\r\n");
        sb.Append("s=").Append(SessionName).Append("\r\n");
        foreach (var line in OtherLines)
        {
            sb.Append(line).Append("\r\n");
        }

        sb.Append("t=").Append(Timing).Append("\r\n");
        foreach (var group in Groups)
        {
            sb.Append("a=group:").Append(group).Append("\r\n");
        }

        if (IceLite)
        {
            sb.Append("a=ice-lite\r\n");
        }

        if (ExtmapAllowMixed)
        {
            sb.Append("a=extmap-allow-mixed\r\n");
        }

        if (MsidSemantic is not null)
        {
            sb.Append("a=msid-semantic:").Append(MsidSemantic).Append("\r\n");
        }

        Optional(sb, "ice-ufrag", IceUfrag);
        Optional(sb, "ice-pwd", IcePwd);
        Optional(sb, "ice-options", IceOptions);
        Optional(sb, "fingerprint", Fingerprint?.ToString());
        Optional(sb, "setup", Setup is null ? null : SdpNames.Of(Setup.Value));
        foreach (var attribute in OtherAttributes)
        {
            sb.Append("a=").Append(attribute).Append("\r\n");
        }

        foreach (var media in Media)
        {
            media.Write(sb);
        }

        return sb.ToString();
    }

    private static void Optional(StringBuilder sb, string name, string? value)
    {
        if (value is not null)
        {
            sb.Append("a=").Append(name).Append(':').Append(value).Append("\r\n");
        }
    }
}
