using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Convene.Signalling.Protocol;

/// <summary>Reads client frames and writes server frames (UTF-8 JSON, one object per frame). Never throws on input.</summary>
internal static class MessageCodec
{
    public const int MaxRequestIdLength = 64;

    private static readonly Dictionary<string, JsonTypeInfo> ClientTypes = new(StringComparer.Ordinal)
    {
        ["join"] = SignallingJsonContext.Default.JoinMessage,
        ["publishOffer"] = SignallingJsonContext.Default.PublishOfferMessage,
        ["subscribeAnswer"] = SignallingJsonContext.Default.SubscribeAnswerMessage,
        ["mute"] = SignallingJsonContext.Default.MuteMessage,
        ["chat"] = SignallingJsonContext.Default.SendChatMessage,
        ["raiseHand"] = SignallingJsonContext.Default.RaiseHandMessage,
        ["lowerHand"] = SignallingJsonContext.Default.LowerHandMessage,
        ["reaction"] = SignallingJsonContext.Default.SendReactionMessage,
        ["leave"] = SignallingJsonContext.Default.LeaveMessage,
        ["ping"] = SignallingJsonContext.Default.PingMessage,
    };

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 16 };

    public static ReadOutcome Read(ReadOnlyMemory<byte> utf8)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, DocumentOptions);
        }
        catch (JsonException)
        {
            return ReadOutcome.Fail(ErrorCodes.BadMessage, "Malformed JSON");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return ReadOutcome.Fail(ErrorCodes.BadMessage, "A message must be a JSON object");
            }

            string? requestId = null;
            if (root.TryGetProperty("requestId", out var rid) && rid.ValueKind != JsonValueKind.Null)
            {
                if (rid.ValueKind != JsonValueKind.String || rid.GetString()!.Length > MaxRequestIdLength)
                {
                    return ReadOutcome.Fail(ErrorCodes.BadMessage, $"'requestId' must be a string of at most {MaxRequestIdLength} chars");
                }

                requestId = rid.GetString();
            }

            if (!root.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
            {
                return ReadOutcome.Fail(ErrorCodes.BadMessage, "'type' is required and must be a string", requestId);
            }

            var type = typeElement.GetString()!;
            if (!ClientTypes.TryGetValue(type, out var typeInfo))
            {
                var shown = type.Length > 40 ? type[..40] + "…" : type;
                return ReadOutcome.Fail(ErrorCodes.UnknownType, $"Unknown message type '{shown}'", requestId);
            }

            ClientMessage? message;
            try
            {
                message = root.Deserialize(typeInfo) as ClientMessage;
            }
            catch (JsonException ex)
            {
                return ReadOutcome.Fail(ErrorCodes.BadMessage, Describe(type, ex), requestId);
            }

            if (message is null)
            {
                return ReadOutcome.Fail(ErrorCodes.BadMessage, $"'{type}' must be an object", requestId);
            }

            var invalid = message.Validate();
            return invalid is null
                ? new ReadOutcome(message, null, null, requestId)
                : ReadOutcome.Fail(ErrorCodes.BadMessage, $"Invalid '{type}': {invalid}", requestId);
        }
    }

    public static byte[] Write(ServerMessage message) =>
        JsonSerializer.SerializeToUtf8Bytes(message, SignallingJsonContext.Default.ServerMessage);

    private static string Describe(string type, JsonException ex)
    {
        // System.Text.Json messages name the missing/mistyped member and the JSON path; keep them but cap the size.
        var text = ex.Message;
        if (text.Length > 200)
        {
            text = text[..200];
        }

        return $"Invalid '{type}': {text}";
    }
}
