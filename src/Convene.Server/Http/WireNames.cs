using System.Collections.Frozen;
using System.Text.Json;

namespace Convene.Server.Http;

/// <summary>Enum values on the wire are snake_case of the member name (<c>ActiveMeeting</c> → <c>active_meeting</c>).</summary>
internal static class WireNames
{
    public static string Of<T>(T value)
        where T : struct, Enum => Names<T>.ToWire[value];

    public static bool TryParse<T>(string text, out T value)
        where T : struct, Enum => Names<T>.FromWire.TryGetValue(text, out value);

    /// <summary>zod's message: <c>Invalid enum value. Expected 'a' | 'b', received 'x'</c>.</summary>
    public static string InvalidEnumMessage<T>(string received)
        where T : struct, Enum =>
        InvalidEnumMessage(Names<T>.Ordered, received);

    public static string InvalidEnumMessage(IEnumerable<string> allowed, string received) =>
        "Invalid enum value. Expected " + string.Join(" | ", allowed.Select(v => "'" + v + "'")) + ", received '" + received + "'";

    private static class Names<T>
        where T : struct, Enum
    {
        public static readonly string[] Ordered = Enum.GetValues<T>().Select(v => JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString())).ToArray();

        public static readonly FrozenDictionary<T, string> ToWire =
            Enum.GetValues<T>().ToFrozenDictionary(v => v, v => JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString()));

        public static readonly FrozenDictionary<string, T> FromWire =
            ToWire.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
    }
}
