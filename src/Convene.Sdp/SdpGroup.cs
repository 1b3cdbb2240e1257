namespace Convene.Sdp;

/// <summary>a=group:SEMANTICS mid…, e.g. BUNDLE.</summary>
public sealed record SdpGroup(string Semantics, IReadOnlyList<string> Mids)
{
    /// <inheritdoc />
    public override string ToString() => Mids.Count == 0 ? Semantics : $"{Semantics} {string.Join(' ', Mids)}";
}
