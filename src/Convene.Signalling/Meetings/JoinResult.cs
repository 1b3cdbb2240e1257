namespace Convene.Signalling.Meetings;

/// <summary>Outcome of a join: the meeting and participant, or the error code and socket close code.</summary>
internal sealed record JoinResult(Meeting? Meeting, Participant? Participant, string? ErrorCode, string? ErrorMessage, int CloseCode)
{
    public static JoinResult Fail(string code, string message, int closeCode) => new(null, null, code, message, closeCode);
}
