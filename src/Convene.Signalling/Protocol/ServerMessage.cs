using System.Text.Json.Serialization;

namespace Convene.Signalling.Protocol;

/// <summary>A message to the browser (docs/protocol.md "Server → client"); serialised with its <c>type</c> first.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(JoinedEvent), "joined")]
[JsonDerivedType(typeof(PublishAnswerEvent), "publishAnswer")]
[JsonDerivedType(typeof(SubscribeOfferEvent), "subscribeOffer")]
[JsonDerivedType(typeof(ParticipantJoinedEvent), "participantJoined")]
[JsonDerivedType(typeof(ParticipantUpdatedEvent), "participantUpdated")]
[JsonDerivedType(typeof(ParticipantLeftEvent), "participantLeft")]
[JsonDerivedType(typeof(TrackPublishedEvent), "trackPublished")]
[JsonDerivedType(typeof(TrackUnpublishedEvent), "trackUnpublished")]
[JsonDerivedType(typeof(TrackMutedEvent), "trackMuted")]
[JsonDerivedType(typeof(ActiveSpeakersEvent), "activeSpeakers")]
[JsonDerivedType(typeof(ChatEvent), "chat")]
[JsonDerivedType(typeof(ReactionEvent), "reaction")]
[JsonDerivedType(typeof(RoleChangedEvent), "roleChanged")]
[JsonDerivedType(typeof(RoomConfigUpdatedEvent), "roomConfigUpdated")]
[JsonDerivedType(typeof(RecordingStatusEvent), "recordingStatus")]
[JsonDerivedType(typeof(LeftEvent), "left")]
[JsonDerivedType(typeof(ErrorEvent), "error")]
[JsonDerivedType(typeof(OkEvent), "ok")]
[JsonDerivedType(typeof(PongEvent), "pong")]
internal abstract record ServerMessage
{
    /// <summary>Echo of the client's <c>requestId</c> on direct answers; omitted otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? RequestId { get; init; }
}
