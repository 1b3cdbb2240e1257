using System.Globalization;
using System.Net;
using System.Text;

namespace Convene.Ice;

/// <summary>
/// An ICE candidate as written in SDP (RFC 8839 §5.1), e.g. <c>candidate:1 1 udp 2130706431 127.0.0.1 50000 typ host</c>.
/// <see cref="ToString"/> gives the attribute value without the leading "a=".
/// </summary>
public sealed record IceCandidate(
    string Foundation,
    int Component,
    string Transport,
    uint Priority,
    IPAddress Address,
    int Port,
    string Type = "host",
    string? TcpType = null)
{
    /// <summary>Type preference of host candidates (RFC 8445 §5.1.2.2).</summary>
    public const int HostTypePreference = 126;

    /// <summary>A host UDP candidate with component 1 and the highest local preference.</summary>
    public static IceCandidate Host(IPAddress address, int port, string foundation = "1") =>
        new(foundation, 1, "udp", ComputePriority(HostTypePreference, 65535, 1), address, port);

    /// <summary>priority = 2^24·type + 2^8·local + (256 − component) (RFC 8445 §5.1.2.1).</summary>
    public static uint ComputePriority(int typePreference, int localPreference, int component)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(typePreference);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(typePreference, 126);
        ArgumentOutOfRangeException.ThrowIfNegative(localPreference);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(localPreference, 65535);
        ArgumentOutOfRangeException.ThrowIfLessThan(component, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(component, 256);
        return ((uint)typePreference << 24) + ((uint)localPreference << 8) + (uint)(256 - component);
    }

    /// <summary>The SDP attribute value: <c>candidate:…</c>.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"candidate:{Foundation} {Component} {Transport} {Priority} {Address} {Port} typ {Type}");
        if (TcpType is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $" tcptype {TcpType}");
        }

        return sb.ToString();
    }

    /// <summary>Parses "candidate:…" (with or without "a="); extension attributes other than tcptype are skipped.</summary>
    public static bool TryParse(string? text, out IceCandidate? candidate)
    {
        candidate = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var value = text.Trim();
        if (value.StartsWith("a=", StringComparison.Ordinal))
        {
            value = value[2..];
        }

        if (!value.StartsWith("candidate:", StringComparison.Ordinal))
        {
            return false;
        }

        var parts = value["candidate:".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 8 || parts[6] != "typ"
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int component)
            || !uint.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out uint priority)
            || !IPAddress.TryParse(parts[4], out var address)
            || !int.TryParse(parts[5], NumberStyles.None, CultureInfo.InvariantCulture, out int port)
            || port > 65535 || component < 1 || component > 256)
        {
            return false;
        }

        string? tcpType = null;
        for (int i = 8; i + 1 < parts.Length; i += 2)
        {
            if (parts[i] == "tcptype")
            {
                tcpType = parts[i + 1];
            }
        }

        candidate = new IceCandidate(parts[0], component, parts[2].ToLowerInvariant(), priority, address, port, parts[7], tcpType);
        return true;
    }
}
