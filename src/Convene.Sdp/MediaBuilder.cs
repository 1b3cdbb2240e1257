using System.Globalization;

namespace Convene.Sdp;

/// <summary>Collects one m-section's lines; payload-type attributes are applied in <see cref="Finish"/>.</summary>
internal sealed class MediaBuilder(MediaDescription media, int index)
{
    private readonly Dictionary<int, SdpCodec> _rtpmaps = [];
    private readonly List<(int Pt, string Value)> _fmtp = [];
    private readonly List<(int Pt, string Value)> _feedback = [];

    private string Where => $"media section {index}";

    public string? Line(char type, string value)
    {
        if (type == 'c')
        {
            media.Connection = value;
        }
        else
        {
            media.OtherLines.Add($"{type}={value}");
        }

        return null;
    }

    public string? Attribute(string text)
    {
        SdpParser.SplitAttribute(text, out var name, out var value);
        var direction = SdpNames.ParseDirection(name);
        if (direction is not null && value is null)
        {
            if (media.Direction is not null && media.Direction != direction)
            {
                return $"{Where} has conflicting direction attributes.";
            }

            media.Direction = direction;
            return null;
        }

        string v = value ?? string.Empty;
        switch (name)
        {
            case "mid":
                if (media.Mid is not null && media.Mid != v)
                {
                    return $"{Where} has two different a=mid lines.";
                }

                if (v.Length == 0)
                {
                    return $"{Where} has an empty a=mid.";
                }

                media.Mid = v;
                return null;
            case "rtcp-mux":
                media.RtcpMux = true;
                return null;
            case "rtcp-rsize":
                media.RtcpReducedSize = true;
                return null;
            case "ice-ufrag":
                media.IceUfrag = v;
                return null;
            case "ice-pwd":
                media.IcePwd = v;
                return null;
            case "ice-options":
                media.IceOptions = v;
                return null;
            case "fingerprint":
                if (!SdpFingerprint.TryParse(v, out var fp))
                {
                    return $"{Where}: a=fingerprint needs \"algorithm value\".";
                }

                media.Fingerprint = fp;
                return null;
            case "setup":
                media.Setup = SdpNames.ParseSetup(v);
                return media.Setup is null ? $"{Where}: a=setup:{v} is not actpass/active/passive/holdconn." : null;
            case "msid":
                media.Msid = v;
                return null;
            case "candidate":
                media.Candidates.Add(text);
                return null;
            case "end-of-candidates":
                media.EndOfCandidates = true;
                return null;
            case "rtpmap":
                return RtpMap(v);
            case "fmtp":
            case "rtcp-fb":
                return PayloadAttribute(name, v, text);
            case "extmap":
                return Extmap(v);
            case "ssrc":
                return Ssrc(v);
            case "ssrc-group":
                return SsrcGroup(v);
            case "rid":
                var rid = v.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
                if (rid.Length < 2 || (rid[1] != "send" && rid[1] != "recv"))
                {
                    return $"{Where}: a=rid needs \"id send|recv [params]\".";
                }

                media.Rids.Add(new SdpRid(rid[0], rid[1], rid.Length > 2 ? rid[2] : null));
                return null;
            case "simulcast":
                var sim = v.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
                if (sim.Length != 2)
                {
                    return $"{Where}: a=simulcast needs \"send|recv streams\".";
                }

                media.Simulcast = new SdpSimulcast(sim[0], sim[1]);
                return null;
            default:
                media.OtherAttributes.Add(new SdpAttributeLine(name, value));
                return null;
        }
    }

    public string? Finish()
    {
        foreach (var (pt, value) in _fmtp)
        {
            if (!_rtpmaps.TryGetValue(pt, out var codec))
            {
                media.OtherAttributes.Add(new SdpAttributeLine("fmtp", $"{pt.ToString(CultureInfo.InvariantCulture)} {value}"));
                continue;
            }

            if (codec.Fmtp is not null && codec.Fmtp != value)
            {
                return $"{Where} has conflicting a=fmtp lines for payload type {pt}.";
            }

            codec.Fmtp = value;
        }

        foreach (var (pt, value) in _feedback)
        {
            if (_rtpmaps.TryGetValue(pt, out var codec))
            {
                if (!codec.Feedback.Contains(value))
                {
                    codec.Feedback.Add(value);
                }
            }
            else
            {
                media.OtherAttributes.Add(new SdpAttributeLine("rtcp-fb", $"{pt.ToString(CultureInfo.InvariantCulture)} {value}"));
            }
        }

        foreach (var format in media.Formats)
        {
            if (int.TryParse(format, NumberStyles.None, CultureInfo.InvariantCulture, out int pt) && _rtpmaps.Remove(pt, out var codec))
            {
                media.Codecs.Add(codec);
            }
        }

        foreach (var orphan in _rtpmaps.Values.OrderBy(c => c.PayloadType))
        {
            if (media.Port != 0)
            {
                return $"{Where} has a=rtpmap for payload type {orphan.PayloadType}, which its m= line does not list.";
            }
        }

        return null;
    }

    private string? RtpMap(string v)
    {
        var parts = v.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !TryPayloadType(parts[0], out int pt))
        {
            return $"{Where}: a=rtpmap needs \"pt name/rate[/channels]\".";
        }

        var enc = parts[1].Split('/');
        if (enc.Length is < 2 or > 3 || enc[0].Length == 0
            || !int.TryParse(enc[1], NumberStyles.None, CultureInfo.InvariantCulture, out int rate) || rate == 0)
        {
            return $"{Where}: a=rtpmap:{pt} has no valid \"name/rate\".";
        }

        int? channels = null;
        if (enc.Length == 3)
        {
            if (!int.TryParse(enc[2], NumberStyles.None, CultureInfo.InvariantCulture, out int ch) || ch == 0)
            {
                return $"{Where}: a=rtpmap:{pt} has invalid channels.";
            }

            channels = ch;
        }

        var codec = new SdpCodec(pt, enc[0], rate, channels);
        if (_rtpmaps.TryGetValue(pt, out var existing))
        {
            return existing.RtpMap == codec.RtpMap ? null : $"{Where} has conflicting a=rtpmap lines for payload type {pt}.";
        }

        _rtpmaps.Add(pt, codec);
        return null;
    }

    private string? PayloadAttribute(string name, string v, string text)
    {
        var parts = v.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 2 && TryPayloadType(parts[0], out int pt))
        {
            (name == "fmtp" ? _fmtp : _feedback).Add((pt, parts[1]));
            return null;
        }

        if (name == "rtcp-fb" && parts.Length == 2 && parts[0] == "*")
        {
            media.OtherAttributes.Add(new SdpAttributeLine(name, v));
            return null;
        }

        return $"{Where}: a={SdpParser.Shorten(text)} needs \"pt value\".";
    }

    private string? Extmap(string v)
    {
        var parts = v.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2)
        {
            return $"{Where}: a=extmap needs \"id uri\".";
        }

        var idParts = parts[0].Split('/', 2);
        if (!int.TryParse(idParts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int id) || id < 1 || id > 255 || id == 15)
        {
            return $"{Where}: a=extmap id \"{SdpParser.Shorten(parts[0])}\" is not 1..14 or 16..255.";
        }

        var existing = media.Extmaps.FirstOrDefault(e => e.Id == id);
        if (existing is not null)
        {
            return existing.Uri == parts[1] ? null : $"{Where} maps extmap id {id} to two different URIs.";
        }

        media.Extmaps.Add(new SdpExtmap(id, parts[1], idParts.Length > 1 ? idParts[1] : null, parts.Length > 2 ? parts[2] : null));
        return null;
    }

    private string? Ssrc(string v)
    {
        var parts = v.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !uint.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out uint ssrc))
        {
            return $"{Where}: a=ssrc needs \"ssrc attribute[:value]\".";
        }

        SdpParser.SplitAttribute(parts[1], out var attrName, out var attrValue);
        media.Ssrcs.Add(new SdpSsrcLine(ssrc, attrName, attrValue));
        return null;
    }

    private string? SsrcGroup(string v)
    {
        var parts = v.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var ssrcs = new List<uint>();
        foreach (var p in parts.Skip(1))
        {
            if (!uint.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out uint s))
            {
                return $"{Where}: a=ssrc-group has a non-numeric SSRC.";
            }

            ssrcs.Add(s);
        }

        if (parts.Length < 2)
        {
            return $"{Where}: a=ssrc-group needs \"semantics ssrc…\".";
        }

        media.SsrcGroups.Add(new SdpSsrcGroup(parts[0], ssrcs));
        return null;
    }

    private static bool TryPayloadType(string text, out int pt) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out pt) && pt <= 127;
}
