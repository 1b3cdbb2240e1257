using System.Net;
using System.Text.Json;
using Convene.Domain.Rooms;
using Microsoft.Extensions.DependencyInjection;

namespace Convene.Server.Tests;

/// <summary>Keyset pagination over 250 rooms in both orders for every sort field: no duplicates, no gaps, right order.</summary>
public sealed class PaginationTests : IAsyncLifetime
{
    private const int RoomCount = 250;
    private readonly ConveneFactory _factory = new();
    private HttpClient _client = null!;
    private readonly List<string> _ids = [];

    public async ValueTask InitializeAsync()
    {
        _client = _factory.ApiClient();
        var now = _factory.Time.GetUtcNow().ToUnixTimeMilliseconds();
        await _factory.InScopeAsync(async sp =>
        {
            var repository = sp.GetRequiredService<IRoomRepository>();
            for (var i = 0; i < RoomCount; i++)
            {
                // Few distinct names/dates so ties on the sort field are common and the id tie-break is exercised;
                // every third room has no auto-deletion date (nulls sort first asc, last desc).
                var room = new Room
                {
                    RoomId = $"room_{i % 7}-{i:D15}",
                    RoomName = "Name " + (i % 13),
                    CreationDate = now + (i % 17),
                    AutoDeletionDate = i % 3 == 0 ? null : now + 3_600_000 + (i % 11),
                    AutoDeletionPolicy = AutoDeletionPolicy.Default,
                    Config = RoomConfig.Default,
                    ModeratorSecret = "aaaaaaaaaa",
                    SpeakerSecret = "bbbbbbbbbb",
                };
                await repository.AddAsync(room, CancellationToken.None);
                _ids.Add(room.RoomId);
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    [Theory]
    [InlineData("creationDate", "asc", 10)]
    [InlineData("creationDate", "desc", 7)]
    [InlineData("roomName", "asc", 100)]
    [InlineData("roomName", "desc", 33)]
    [InlineData("autoDeletionDate", "asc", 9)]
    [InlineData("autoDeletionDate", "desc", 40)]
    public async Task Pages_cover_every_room_once_in_order(string sortField, string sortOrder, int maxItems)
    {
        var seen = new List<JsonElement>();
        string? token = null;
        for (var page = 0; page < 300; page++)
        {
            var url = $"/api/v1/rooms?sortField={sortField}&sortOrder={sortOrder}&maxItems={maxItems}" +
                (token is null ? string.Empty : "&nextPageToken=" + Uri.EscapeDataString(token));
            var body = await (await _client.GetAsync(url)).ExpectAsync(HttpStatusCode.OK);
            var rooms = body.GetProperty("rooms").EnumerateArray().ToList();
            seen.AddRange(rooms);
            var pagination = body.GetProperty("pagination");
            if (!pagination.GetProperty("isTruncated").GetBoolean())
            {
                Assert.False(pagination.TryGetProperty("nextPageToken", out _));
                break;
            }

            Assert.Equal(maxItems, rooms.Count);
            token = pagination.Str("nextPageToken");
        }

        var ids = seen.Select(r => r.Str("roomId")).ToList();
        Assert.Equal(RoomCount, ids.Count);
        Assert.Equal(RoomCount, ids.Distinct().Count());
        Assert.Empty(_ids.Except(ids));

        var expected = Order(seen, sortField, sortOrder == "desc").Select(r => r.Str("roomId")).ToList();
        Assert.Equal(expected, ids);
    }

    [Fact]
    public async Task Token_from_one_sort_is_refused_for_another()
    {
        var first = await (await _client.GetAsync("/api/v1/rooms?maxItems=5&sortField=roomName")).ExpectAsync(HttpStatusCode.OK);
        var token = first.GetProperty("pagination").Str("nextPageToken");
        var body = await (await _client.GetAsync("/api/v1/rooms?maxItems=5&nextPageToken=" + Uri.EscapeDataString(token))).ExpectAsync(HttpStatusCode.UnprocessableEntity);
        TestJson.AssertValidation(body, "nextPageToken", "Invalid page token");
    }

    private static IEnumerable<JsonElement> Order(List<JsonElement> rooms, string field, bool descending)
    {
        Func<JsonElement, IComparable?> key = field switch
        {
            "roomName" => r => r.Str("roomName"),
            "autoDeletionDate" => r => r.TryGetProperty("autoDeletionDate", out var d) ? d.GetInt64() : null,
            _ => r => r.GetProperty("creationDate").GetInt64(),
        };
        var comparer = Comparer<IComparable?>.Create((a, b) =>
            a is null ? (b is null ? 0 : -1) : b is null ? 1 : a is string sa ? string.CompareOrdinal(sa, (string)b) : a.CompareTo(b));
        var ordered = descending
            ? rooms.OrderByDescending(key, comparer).ThenByDescending(r => r.Str("roomId"), StringComparer.Ordinal)
            : rooms.OrderBy(key, comparer).ThenBy(r => r.Str("roomId"), StringComparer.Ordinal);
        return ordered;
    }
}
