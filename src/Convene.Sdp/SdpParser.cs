using System.Globalization;

namespace Convene.Sdp;

/// <summary>Line-oriented SDP parser. Errors name the line; nothing throws for any input.</summary>
internal static class SdpParser
{
    public const int MaxLength = 256 * 1024;
    public const int MaxLines = 20_000;

    public static bool TryParse(string? text, out SessionDescription? description, out string? error)
    {
        description = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "The SDP is empty.";
            return false;
        }

        if (text.Length > MaxLength)
        {
            error = $"The SDP is longer than {MaxLength} characters.";
            return false;
        }

        var session = new SessionDescription();
        MediaBuilder? media = null;
        var sectionBuilders = new List<MediaBuilder>();
        int lineNumber = 0;
        bool sawVersion = false;
        bool sawOrigin = false;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            if (lineNumber > MaxLines)
            {
                error = $"The SDP has more than {MaxLines} lines.";
                return false;
            }

            var line = raw.TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            if (line.Length < 2 || line[1] != '=' || line[0] < 'a' || line[0] > 'z')
            {
                error = $"Line {lineNumber}: expected \"x=value\", got \"{Shorten(line)}\".";
                return false;
            }

            char type = line[0];
            string value = line[2..];
            if (!sawVersion)
            {
                if (type != 'v' || value != "0")
                {
                    error = "The SDP must start with \"v=0\".";
                    return false;
                }

                sawVersion = true;
                continue;
            }

            string? lineError;
            if (type == 'm')
            {
                if (!TryParseMediaLine(value, out var description2, out lineError))
                {
                    error = $"Line {lineNumber}: {lineError}";
                    return false;
                }

                media = new MediaBuilder(description2!, sectionBuilders.Count);
                sectionBuilders.Add(media);
                session.Media.Add(description2!);
                continue;
            }

            if (media is null)
            {
                lineError = ParseSessionLine(session, type, value, ref sawOrigin);
            }
            else
            {
                lineError = type == 'a' ? media.Attribute(value) : media.Line(type, value);
            }

            if (lineError is not null)
            {
                error = $"Line {lineNumber}: {lineError}";
                return false;
            }
        }

        if (!sawOrigin)
        {
            error = "The SDP has no o= line.";
            return false;
        }

        foreach (var builder in sectionBuilders)
        {
            var finishError = builder.Finish();
            if (finishError is not null)
            {
                error = finishError;
                return false;
            }
        }

        error = Validate(session);
        if (error is not null)
        {
            return false;
        }

        description = session;
        return true;
    }

    private static string? Validate(SessionDescription session)
    {
        var mids = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < session.Media.Count; i++)
        {
            var mid = session.Media[i].Mid;
            if (mid is not null && !mids.Add(mid))
            {
                return $"Media sections share a=mid:{mid}.";
            }
        }

        foreach (var group in session.Groups)
        {
            foreach (var mid in group.Mids)
            {
                if (!mids.Contains(mid))
                {
                    return $"a=group:{group.Semantics} names mid \"{mid}\", which no media section has.";
                }
            }
        }

        return null;
    }

    private static string? ParseSessionLine(SessionDescription session, char type, string value, ref bool sawOrigin)
    {
        switch (type)
        {
            case 'o':
                var f = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (f.Length != 6
                    || !ulong.TryParse(f[1], NumberStyles.None, CultureInfo.InvariantCulture, out ulong id)
                    || !ulong.TryParse(f[2], NumberStyles.None, CultureInfo.InvariantCulture, out ulong version))
                {
                    return "o= needs \"username sess-id sess-version nettype addrtype address\" with numeric ids.";
                }

                session.Origin = new SdpOrigin(f[0], id, version, f[3], f[4], f[5]);
                sawOrigin = true;
                return null;
            case 's':
                session.SessionName = value;
                return null;
            case 't':
                session.Timing = value;
                return null;
            case 'a':
                return ParseSessionAttribute(session, value);
            default:
                session.OtherLines.Add($"{type}={value}");
                return null;
        }
    }

    private static string? ParseSessionAttribute(SessionDescription session, string text)
    {
        SplitAttribute(text, out var name, out var value);
        switch (name)
        {
            case "group":
                var parts = (value ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length == 0)
                {
                    return "a=group needs semantics.";
                }

                session.Groups.Add(new SdpGroup(parts[0], parts[1..]));
                return null;
            case "ice-lite":
                session.IceLite = true;
                return null;
            case "extmap-allow-mixed":
                session.ExtmapAllowMixed = true;
                return null;
            case "msid-semantic":
                session.MsidSemantic = value ?? string.Empty;
                return null;
            case "ice-ufrag":
                session.IceUfrag = value;
                return null;
            case "ice-pwd":
                session.IcePwd = value;
                return null;
            case "ice-options":
                session.IceOptions = value;
                return null;
            case "fingerprint":
                if (!SdpFingerprint.TryParse(value ?? string.Empty, out var fp))
                {
                    return "a=fingerprint needs \"algorithm value\".";
                }

                session.Fingerprint = fp;
                return null;
            case "setup":
                var setup = SdpNames.ParseSetup(value ?? string.Empty);
                if (setup is null)
                {
                    return $"a=setup:{value} is not actpass/active/passive/holdconn.";
                }

                session.Setup = setup;
                return null;
            default:
                session.OtherAttributes.Add(new SdpAttributeLine(name, value));
                return null;
        }
    }

    private static bool TryParseMediaLine(string value, out MediaDescription? media, out string? error)
    {
        media = null;
        error = null;
        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 4)
        {
            error = "m= needs \"media port proto fmt…\".";
            return false;
        }

        var portText = parts[1].Split('/')[0];
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port > 65535)
        {
            error = $"m= port \"{Shorten(parts[1])}\" is not a port number.";
            return false;
        }

        media = new MediaDescription(parts[0], port, parts[2]);
        foreach (var format in parts[3..])
        {
            media.Formats.Add(format);
        }

        return true;
    }

    internal static void SplitAttribute(string text, out string name, out string? value)
    {
        int colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            name = text;
            value = null;
        }
        else
        {
            name = text[..colon];
            value = text[(colon + 1)..];
        }
    }

    internal static string Shorten(string s) => s.Length <= 60 ? s : s[..60] + "…";
}
