namespace Convene.Signalling.Protocol;

internal sealed record SendReactionMessage(string Emoji) : ClientMessage
{
    /// <summary>The reactions the protocol allows.</summary>
    public static readonly IReadOnlySet<string> Allowed = new HashSet<string>(StringComparer.Ordinal)
    {
        "\U0001F44D", "\U0001F44F", "\u2764\uFE0F", "\U0001F602", "\U0001F62E", "\U0001F389",
    };

    public override string? Validate() => Allowed.Contains(Emoji) ? null : "'emoji' is not one of the allowed reactions";
}
