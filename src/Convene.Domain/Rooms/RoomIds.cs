using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Convene.Domain.Rooms;

/// <summary>Room identifier rules of contract §2.5: prefixes from names, random suffixes, secrets, incoming ids.</summary>
public static class RoomIds
{
    /// <summary>The longest room id accepted from a client, before sanitisation.</summary>
    public const int MaxIncomingLength = 100;

    private const string SuffixAlphabet = "0123456789abcdefghijklmnopqrstuvwxyz";

    /// <summary>
    /// Turns a display name into an id prefix: decomposed, lower-case, dashes and whitespace become underscores,
    /// anything outside <c>[a-z0-9_]</c> is dropped, underscore runs collapse and edges are trimmed; empty → <c>room</c>.
    /// </summary>
    public static string PrefixFromName(string? name, string fallback = "room")
    {
        if (string.IsNullOrEmpty(name))
        {
            return fallback;
        }

        var builder = new StringBuilder(name.Length);
        foreach (var original in name)
        {
            // Globalization-invariant mode has no Unicode decomposition tables, so letters with diacritics are folded
            // through a table equivalent to NFD + dropping combining marks; letters without a decomposition (ø, đ)
            // are dropped like the contract's sanitiser does.
            var c = FoldDiacritic(char.ToLowerInvariant(original));
            char mapped;
            if (c == '-' || char.IsWhiteSpace(c))
            {
                mapped = '_';
            }
            else
            {
                mapped = char.ToLowerInvariant(c);
                if (!IsAsciiLowerDigitOrUnderscore(mapped))
                {
                    continue;
                }
            }

            if (mapped == '_' && builder.Length > 0 && builder[^1] == '_')
            {
                continue;
            }

            builder.Append(mapped);
        }

        var result = builder.ToString().Trim('_');
        return result.Length == 0 ? fallback : result;
    }

    /// <summary>A new room id: the name's prefix, a dash and 15 random characters from [0-9a-z].</summary>
    public static string NewRoomId(string? roomName) => PrefixFromName(roomName) + "-" + RandomSuffix(15);

    /// <summary>A participant identity: the name's prefix (or <c>participant</c>) and 15 random characters.</summary>
    public static string NewParticipantIdentity(string? name) => PrefixFromName(name, "participant") + "-" + RandomSuffix(15);

    /// <summary>A room secret: 10 lower-case hex characters from a CSPRNG.</summary>
    public static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));

    /// <summary>Random characters from [0-9a-z], drawn from a CSPRNG.</summary>
    public static string RandomSuffix(int length) => RandomNumberGenerator.GetString(SuffixAlphabet, length);

    /// <summary>Strips every character outside <c>[a-zA-Z0-9_-]</c> from an id that came from a client.</summary>
    public static string SanitiseIncoming(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var builder = new StringBuilder(id.Length);
        foreach (var c in id)
        {
            if (char.IsAsciiLetterOrDigit(c) || c == '_' || c == '-')
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Validates and sanitises an incoming id; on failure returns the contract's message.</summary>
    public static bool TrySanitiseIncoming(string? id, out string sanitised, out string? error)
    {
        sanitised = string.Empty;
        if (string.IsNullOrEmpty(id))
        {
            error = "roomId cannot be empty after sanitization";
            return false;
        }

        if (id.Length > MaxIncomingLength)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"roomId cannot exceed {MaxIncomingLength} characters");
            return false;
        }

        sanitised = SanitiseIncoming(id);
        if (sanitised.Length == 0)
        {
            error = "roomId cannot be empty after sanitization";
            return false;
        }

        error = null;
        return true;
    }

    private const string Accented = "àáâãäåāăąçćĉċčďèéêëēĕėęěĝğġģĥìíîïĩīĭįĵķĺļľñńņňòóôõöōŏőŕŗřśŝşšţťùúûüũūŭůűųŵýÿŷźżž";
    private const string Folded = "aaaaaaaaacccccdeeeeeeeeegggghiiiiiiiijklllnnnnoooooooorrrssssttuuuuuuuuuuwyyyzzz";

    private static char FoldDiacritic(char c)
    {
        if (c < 0x80)
        {
            return c;
        }

        var index = Accented.IndexOf(c, StringComparison.Ordinal);
        return index >= 0 ? Folded[index] : c;
    }

    private static bool IsAsciiLowerDigitOrUnderscore(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_';
}
