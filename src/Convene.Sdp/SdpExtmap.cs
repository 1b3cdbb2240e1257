using System.Globalization;

namespace Convene.Sdp;

/// <summary>a=extmap:ID[/direction] URI [attributes] (RFC 8285).</summary>
public sealed record SdpExtmap(int Id, string Uri, string? Direction = null, string? Attributes = null)
{
    /// <inheritdoc />
    public override string ToString()
    {
        var head = Direction is null ? Id.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{Id}/{Direction}");
        return Attributes is null ? $"{head} {Uri}" : $"{head} {Uri} {Attributes}";
    }
}
