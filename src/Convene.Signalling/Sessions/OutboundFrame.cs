namespace Convene.Signalling.Sessions;

/// <summary>One item of a session's send queue: a text frame, or the close frame that ends the queue.</summary>
internal readonly record struct OutboundFrame(byte[]? Utf8, int CloseCode, string? CloseReason)
{
    public bool IsClose => Utf8 is null;
}
