namespace Convene.Signalling.Protocol;

/// <summary>Result of reading one client frame: a message, or the error to answer with.</summary>
internal readonly record struct ReadOutcome(ClientMessage? Message, string? ErrorCode, string? ErrorMessage, string? RequestId)
{
    public static ReadOutcome Fail(string code, string message, string? requestId = null) => new(null, code, message, requestId);
}
