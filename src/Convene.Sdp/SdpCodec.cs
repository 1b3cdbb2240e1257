using System.Globalization;

namespace Convene.Sdp;

/// <summary>One payload type of an m-section: a=rtpmap, a=fmtp and a=rtcp-fb lines.</summary>
public sealed class SdpCodec
{
    /// <summary>Creates a codec entry.</summary>
    public SdpCodec(int payloadType, string name, int clockRate, int? channels = null)
    {
        PayloadType = payloadType;
        Name = name;
        ClockRate = clockRate;
        Channels = channels;
    }

    /// <summary>Payload type 0..127.</summary>
    public int PayloadType { get; }

    /// <summary>Encoding name as written (e.g. "opus", "VP8", "rtx").</summary>
    public string Name { get; set; }

    /// <summary>Clock rate in Hz.</summary>
    public int ClockRate { get; set; }

    /// <summary>Channels for audio, when given.</summary>
    public int? Channels { get; set; }

    /// <summary>The a=fmtp parameter string, when present.</summary>
    public string? Fmtp { get; set; }

    /// <summary>a=rtcp-fb values for this payload type, e.g. "nack", "nack pli".</summary>
    public IList<string> Feedback { get; } = new List<string>();

    /// <summary>The fmtp parameters as key/value pairs (keys lower-cased).</summary>
    public IReadOnlyDictionary<string, string> Parameters
    {
        get
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var part in (Fmtp ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                int eq = part.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0)
                {
                    result[part[..eq].Trim().ToLowerInvariant()] = part[(eq + 1)..].Trim();
                }
            }

            return result;
        }
    }

    /// <summary>For an rtx entry, the payload type it repairs (fmtp apt=).</summary>
    public int? AssociatedPayloadType =>
        Parameters.TryGetValue("apt", out var apt) && int.TryParse(apt, NumberStyles.None, CultureInfo.InvariantCulture, out int pt) ? pt : null;

    /// <summary>True when the encoding name matches, ignoring case.</summary>
    public bool Is(string name) => string.Equals(Name, name, StringComparison.OrdinalIgnoreCase);

    /// <summary>The rtpmap value: "PT name/rate[/channels]".</summary>
    public string RtpMap => Channels is null
        ? string.Create(CultureInfo.InvariantCulture, $"{PayloadType} {Name}/{ClockRate}")
        : string.Create(CultureInfo.InvariantCulture, $"{PayloadType} {Name}/{ClockRate}/{Channels}");

    /// <summary>A deep copy.</summary>
    public SdpCodec Clone()
    {
        var copy = new SdpCodec(PayloadType, Name, ClockRate, Channels) { Fmtp = Fmtp };
        foreach (var fb in Feedback)
        {
            copy.Feedback.Add(fb);
        }

        return copy;
    }
}
