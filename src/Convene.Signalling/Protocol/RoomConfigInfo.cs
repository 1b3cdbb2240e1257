using Convene.Domain.Meetings;

namespace Convene.Signalling.Protocol;

/// <summary>The room config as the contract's <c>MeetRoomConfig</c> shapes it (§7.1), as far as a meeting needs it.</summary>
internal sealed record RoomConfigInfo(FeatureToggle Chat, FeatureToggle Recording, FeatureToggle VirtualBackground, FeatureToggle E2ee)
{
    public static RoomConfigInfo From(MeetingRoomView room) =>
        new(new(room.ChatEnabled), new(room.RecordingEnabled), new(room.VirtualBackgroundEnabled), new(room.E2eeEnabled));
}
