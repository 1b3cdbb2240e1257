namespace Convene.Sdp;

/// <summary>a=fingerprint: hash algorithm (e.g. "sha-256") and the colon-separated uppercase hex value.</summary>
public sealed record SdpFingerprint(string Algorithm, string Value)
{
    /// <summary>Parses "sha-256 AB:CD:…".</summary>
    public static bool TryParse(string text, out SdpFingerprint? fingerprint)
    {
        fingerprint = null;
        var parts = (text ?? string.Empty).Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || parts[1].Length < 2)
        {
            return false;
        }

        fingerprint = new SdpFingerprint(parts[0].ToLowerInvariant(), parts[1].ToUpperInvariant());
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Algorithm} {Value}";
}
