namespace Convene.Signalling.Protocol;

/// <summary>A message from the browser (docs/protocol.md "Client → server").</summary>
internal abstract record ClientMessage
{
    /// <summary>Optional correlation id echoed on the direct answer (≤ 64 chars).</summary>
    public string? RequestId { get; init; }

    /// <summary>Checks the field rules that JSON shape alone cannot express; returns why it is invalid, or null.</summary>
    public virtual string? Validate() => null;
}
