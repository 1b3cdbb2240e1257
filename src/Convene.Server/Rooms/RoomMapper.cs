using System.Text.Json;
using System.Text.Json.Nodes;
using Convene.Domain.Rooms;

namespace Convene.Server.Rooms;

/// <summary>Domain room → wire object, with URLs built from the base URL and optional field projection.</summary>
internal static class RoomMapper
{
    public static RoomDto ToDto(Room room, string baseUrl, bool includeModeratorUrl = true)
    {
        ArgumentNullException.ThrowIfNull(room);
        var link = baseUrl + "/room/" + room.RoomId + "?secret=";
        return new RoomDto(
            room.RoomId,
            room.RoomName,
            room.CreationDate,
            room.AutoDeletionDate,
            new AutoDeletionPolicyDto(room.AutoDeletionPolicy.WithMeeting, room.AutoDeletionPolicy.WithRecordings),
            ToDto(room.Config),
            includeModeratorUrl ? link + room.ModeratorSecret : null,
            link + room.SpeakerSecret,
            room.Status,
            room.MeetingEndAction);
    }

    public static RoomConfigDto ToDto(RoomConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new RoomConfigDto(
            new EnabledDto(config.ChatEnabled),
            new RecordingConfigDto(config.RecordingEnabled, config.RecordingAllowAccessTo),
            new EnabledDto(config.VirtualBackgroundEnabled),
            new EnabledDto(config.E2eeEnabled));
    }

    /// <summary>Keeps only the requested top-level properties (contract §2.4 <c>fields</c>).</summary>
    public static JsonObject Project(RoomDto dto, IReadOnlySet<string> fields, JsonSerializerOptions options)
    {
        var node = JsonSerializer.SerializeToNode(dto, options)!.AsObject();
        foreach (var name in node.Select(p => p.Key).ToList())
        {
            if (!fields.Contains(name))
            {
                node.Remove(name);
            }
        }

        return node;
    }

    /// <summary>Parses a <c>fields</c> CSV; blanks ignored; null when no field was named.</summary>
    public static HashSet<string>? ParseFields(string? csv)
    {
        if (string.IsNullOrWhiteSpace(csv))
        {
            return null;
        }

        var set = csv.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        return set.Count == 0 ? null : set;
    }
}
