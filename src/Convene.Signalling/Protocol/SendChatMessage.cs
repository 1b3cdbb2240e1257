namespace Convene.Signalling.Protocol;

/// <summary>Client <c>chat</c>: 1–1000 chars after trimming.</summary>
internal sealed record SendChatMessage(string Text) : ClientMessage
{
    public const int MaxLength = 1000;

    public override string? Validate()
    {
        var trimmed = Text.Trim();
        return trimmed.Length is 0 or > MaxLength ? $"'text' must be 1–{MaxLength} characters after trimming" : null;
    }
}
