using System.Buffers.Text;
using System.Text.Json;
using Convene.Domain.Rooms;
using Convene.Server.Http;

namespace Convene.Server.Rooms;

/// <summary>
/// Opaque keyset page tokens: base64url JSON of the last item's sort value and id, plus the sort they belong to so a
/// token cannot be replayed against a different order. Anything that does not decode is a 422, never a 500 (§13).
/// </summary>
internal static class PageToken
{
    public static string Encode(RoomCursor cursor, RoomSortField field, bool descending)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        var payload = new Dictionary<string, object?>
        {
            ["f"] = WireNames.Of(field),
            ["d"] = descending,
            ["n"] = cursor.Number,
            ["t"] = cursor.Text,
            ["id"] = cursor.RoomId,
        };
        return Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(payload));
    }

    public static bool TryDecode(string token, RoomSortField field, bool descending, out RoomCursor? cursor)
    {
        cursor = null;
        if (token.Length > 2048 || !Base64Url.IsValid(token))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(Base64Url.DecodeFromChars(token));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object ||
                !root.TryGetProperty("f", out var f) || f.ValueKind != JsonValueKind.String || f.GetString() != WireNames.Of(field) ||
                !root.TryGetProperty("d", out var d) || d.ValueKind is not (JsonValueKind.True or JsonValueKind.False) || d.GetBoolean() != descending ||
                !root.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(id.GetString()))
            {
                return false;
            }

            long? number = null;
            string? text = null;
            if (root.TryGetProperty("n", out var n) && n.ValueKind == JsonValueKind.Number)
            {
                if (!n.TryGetInt64(out var value))
                {
                    return false;
                }

                number = value;
            }

            if (root.TryGetProperty("t", out var t) && t.ValueKind == JsonValueKind.String)
            {
                text = t.GetString();
            }

            var valid = field switch
            {
                RoomSortField.RoomName => text is not null,
                RoomSortField.CreationDate => number is not null,
                _ => true,
            };
            if (!valid)
            {
                return false;
            }

            cursor = new RoomCursor(number, text, id.GetString()!);
            return true;
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            return false;
        }
    }
}
