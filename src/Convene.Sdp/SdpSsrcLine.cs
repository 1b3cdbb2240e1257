using System.Globalization;

namespace Convene.Sdp;

/// <summary>a=ssrc:SSRC name[:value] (RFC 5576), e.g. cname or msid.</summary>
public sealed record SdpSsrcLine(uint Ssrc, string Name, string? Value)
{
    /// <inheritdoc />
    public override string ToString() => Value is null
        ? string.Create(CultureInfo.InvariantCulture, $"{Ssrc} {Name}")
        : string.Create(CultureInfo.InvariantCulture, $"{Ssrc} {Name}:{Value}");
}
