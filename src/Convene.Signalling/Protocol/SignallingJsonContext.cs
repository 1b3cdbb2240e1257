using System.Text.Json.Serialization;

namespace Convene.Signalling.Protocol;

/// <summary>
/// Source-generated (reflection-free) JSON for every protocol message. Reading is strict: required constructor
/// parameters must be present and non-nullable members must not be null, so a missing field is a
/// <c>bad_message</c> rather than a half-built record.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    MaxDepth = 16)]
[JsonSerializable(typeof(ServerMessage))]
[JsonSerializable(typeof(JoinMessage))]
[JsonSerializable(typeof(PublishOfferMessage))]
[JsonSerializable(typeof(SubscribeAnswerMessage))]
[JsonSerializable(typeof(MuteMessage))]
[JsonSerializable(typeof(SendChatMessage))]
[JsonSerializable(typeof(RaiseHandMessage))]
[JsonSerializable(typeof(LowerHandMessage))]
[JsonSerializable(typeof(SendReactionMessage))]
[JsonSerializable(typeof(LeaveMessage))]
[JsonSerializable(typeof(PingMessage))]
internal sealed partial class SignallingJsonContext : JsonSerializerContext;
