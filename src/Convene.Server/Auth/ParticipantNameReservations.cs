using System.Globalization;
using Microsoft.Extensions.Options;

namespace Convene.Server.Auth;

/// <summary>
/// Display-name reservations per room (contract §4.3): case-insensitive; a taken name gets the smallest free
/// <c>_N</c> suffix (<c>Alice</c>, <c>Alice_1</c>, …), a requested <c>Bob_1</c> counts as base <c>Bob</c>, freed
/// numbers are reused, entries expire after a TTL.
/// Kept in memory rather than in the database: reservations only matter while a meeting runs in this process, and a
/// restart ends every meeting anyway, so persisting them would only leave stale names behind.
/// </summary>
internal sealed class ParticipantNameReservations(TimeProvider time, IOptions<ConveneOptions> options)
{
    private const int MaxAttempts = 20;

    private readonly Dictionary<string, Dictionary<string, DateTimeOffset>> _rooms = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Reserves a free variant of <paramref name="requested"/> in the room and returns it.</summary>
    public string Reserve(string roomId, string requested)
    {
        var baseName = BaseName(requested.Trim());
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (!_rooms.TryGetValue(roomId, out var names))
            {
                names = new Dictionary<string, DateTimeOffset>(StringComparer.OrdinalIgnoreCase);
                _rooms[roomId] = names;
            }

            foreach (var (name, expires) in names.ToList())
            {
                if (expires <= now)
                {
                    names.Remove(name);
                }
            }

            var expiry = now + options.Value.ParticipantNameReservationTtl;
            for (var n = 0; n < MaxAttempts; n++)
            {
                var candidate = n == 0 ? baseName : baseName + "_" + n.ToString(CultureInfo.InvariantCulture);
                if (names.TryAdd(candidate, expiry))
                {
                    return candidate;
                }
            }

            // Every small suffix is taken: fall back to a random one that cannot collide in practice.
            var fallback = baseName + "_" + Domain.Rooms.RoomIds.RandomSuffix(6);
            names[fallback] = expiry;
            return fallback;
        }
    }

    /// <summary>Frees a name (the participant left).</summary>
    public void Release(string roomId, string name)
    {
        lock (_gate)
        {
            if (_rooms.TryGetValue(roomId, out var names))
            {
                names.Remove(name);
                if (names.Count == 0)
                {
                    _rooms.Remove(roomId);
                }
            }
        }
    }

    /// <summary>Frees every name of the room (the meeting ended).</summary>
    public void ReleaseRoom(string roomId)
    {
        lock (_gate)
        {
            _rooms.Remove(roomId);
        }
    }

    private static string BaseName(string name)
    {
        var underscore = name.LastIndexOf('_');
        if (underscore > 0 && underscore < name.Length - 1 && name.AsSpan(underscore + 1).ContainsAnyExceptInRange('0', '9') is false)
        {
            return name[..underscore];
        }

        return name;
    }
}
