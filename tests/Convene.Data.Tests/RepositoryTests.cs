using Convene.Domain.ApiKeys;
using Convene.Domain.Rooms;
using Convene.Domain.Settings;
using Convene.Domain.Users;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Convene.Data.Tests;

public sealed class RepositoryTests : IAsyncLifetime
{
    private readonly SqliteDatabase _db = new();

    public ValueTask InitializeAsync() => _db.InitializeAsync();

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    internal static Room NewRoom(string id, long created = 1, long? autoDelete = null) => new()
    {
        RoomId = id,
        RoomName = "Room " + id,
        CreationDate = created,
        AutoDeletionDate = autoDelete,
        AutoDeletionPolicy = new AutoDeletionPolicy(WithMeetingPolicy.Force, WithRecordingsPolicy.Close),
        Config = new RoomConfig(false, true, null, true, false),
        ModeratorSecret = "aaaaaaaaaa",
        SpeakerSecret = "bbbbbbbbbb",
    };

    [Fact]
    public async Task Migration_creates_every_table_in_a_wal_database()
    {
        await using var connection = new SqliteConnection("Data Source=" + _db.DatabasePath);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name)";
        Assert.Equal("ApiKeys,Recordings,Rooms,Settings,Users,WebhookDeliveries,__EFMigrationsHistory,__EFMigrationsLock", (string?)await command.ExecuteScalarAsync());
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Room_round_trips_with_config_policy_and_state()
    {
        await using (var scope = _db.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<IRoomRepository>().AddAsync(NewRoom("r-1", autoDelete: 99), CancellationToken.None);
        }

        await using (var scope = _db.Scope())
        {
            var rooms = scope.ServiceProvider.GetRequiredService<IRoomRepository>();
            var room = await rooms.FindAsync("r-1", CancellationToken.None);
            Assert.NotNull(room);
            Assert.Equal(new RoomConfig(false, true, null, true, false), room.Config);
            Assert.Equal(WithMeetingPolicy.Force, room.AutoDeletionPolicy.WithMeeting);
            Assert.Equal(99, room.AutoDeletionDate);
            room.Status = RoomStatus.Closed;
            room.Config = room.Config with { RecordingAllowAccessTo = RecordingAccess.Admin };
            Assert.True(await rooms.UpdateAsync(room, CancellationToken.None));
        }

        await using (var scope = _db.Scope())
        {
            var rooms = scope.ServiceProvider.GetRequiredService<IRoomRepository>();
            var room = await rooms.FindAsync("r-1", CancellationToken.None);
            Assert.Equal(RoomStatus.Closed, room!.Status);
            Assert.Equal(RecordingAccess.Admin, room.Config.RecordingAllowAccessTo);

            // Mutating a returned room does not change what the next reader sees (the cache hands out copies).
            room.Status = RoomStatus.Open;
            Assert.Equal(RoomStatus.Closed, (await rooms.FindAsync("r-1", CancellationToken.None))!.Status);

            Assert.True(await rooms.DeleteAsync("r-1", CancellationToken.None));
            Assert.Null(await rooms.FindAsync("r-1", CancellationToken.None));
            Assert.False(await rooms.DeleteAsync("r-1", CancellationToken.None));
            Assert.False(await rooms.UpdateAsync(room, CancellationToken.None));
        }
    }

    [Fact]
    public async Task Duplicate_room_id_is_rejected_and_leaves_the_first()
    {
        await using var scope = _db.Scope();
        var rooms = scope.ServiceProvider.GetRequiredService<IRoomRepository>();
        await rooms.AddAsync(NewRoom("dup"), CancellationToken.None);
        await Assert.ThrowsAnyAsync<Exception>(() => rooms.AddAsync(NewRoom("dup", created: 5), CancellationToken.None));
        Assert.Equal(1, (await rooms.FindAsync("dup", CancellationToken.None))!.CreationDate);
    }

    [Fact]
    public async Task Expired_rooms_are_listed_oldest_first_and_bounded()
    {
        await using var scope = _db.Scope();
        var rooms = scope.ServiceProvider.GetRequiredService<IRoomRepository>();
        await rooms.AddAsync(NewRoom("late", autoDelete: 300), CancellationToken.None);
        await rooms.AddAsync(NewRoom("early", autoDelete: 100), CancellationToken.None);
        await rooms.AddAsync(NewRoom("future", autoDelete: 1000), CancellationToken.None);
        await rooms.AddAsync(NewRoom("never"), CancellationToken.None);
        Assert.Equal(["early", "late"], await rooms.ListExpiredAsync(500, 10, CancellationToken.None));
        Assert.Equal(["early"], await rooms.ListExpiredAsync(500, 1, CancellationToken.None));
        Assert.Empty(await rooms.ListExpiredAsync(100, 10, CancellationToken.None));
    }

    [Fact]
    public async Task Name_filter_is_a_literal_case_insensitive_substring()
    {
        await using var scope = _db.Scope();
        var rooms = scope.ServiceProvider.GetRequiredService<IRoomRepository>();
        var a = NewRoom("a");
        a.RoomName = "100% Done_Team";
        var b = NewRoom("b");
        b.RoomName = "Other";
        await rooms.AddAsync(a, CancellationToken.None);
        await rooms.AddAsync(b, CancellationToken.None);
        async Task<string[]> Find(string text) =>
            (await rooms.ListAsync(new RoomListQuery(text, null, RoomSortField.CreationDate, true, 10, null), CancellationToken.None)).Rooms.Select(r => r.RoomId).ToArray();
        Assert.Equal(["a"], await Find("% done_"));
        Assert.Empty(await Find("%_"));
        Assert.Empty(await Find("_t%"));
    }

    [Fact]
    public async Task Api_keys_replace_add_if_none_and_delete()
    {
        await using var scope = _db.Scope();
        var keys = scope.ServiceProvider.GetRequiredService<IApiKeyRepository>();
        Assert.True(await keys.AddIfNoneAsync(new ApiKey("first", 1), CancellationToken.None));
        Assert.False(await keys.AddIfNoneAsync(new ApiKey("second", 2), CancellationToken.None));
        await keys.ReplaceAllAsync(new ApiKey("third", 3), CancellationToken.None);
        Assert.Equal([new ApiKey("third", 3)], await keys.ListAsync(CancellationToken.None));
        await keys.DeleteAllAsync(CancellationToken.None);
        Assert.Empty(await keys.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Users_are_added_once_and_updated()
    {
        await using var scope = _db.Scope();
        var users = scope.ServiceProvider.GetRequiredService<IUserRepository>();
        var user = new User { Username = "admin", PasswordHash = "h1", Roles = [UserRole.Admin, UserRole.User] };
        Assert.True(await users.TryAddAsync(user, CancellationToken.None));
        Assert.False(await users.TryAddAsync(new User { Username = "admin", PasswordHash = "x", Roles = [] }, CancellationToken.None));
        var stored = await users.FindAsync("admin", CancellationToken.None);
        Assert.Equal([UserRole.Admin, UserRole.User], stored!.Roles);
        stored.PasswordHash = "h2";
        stored.TokenGeneration = 3;
        await users.UpdateAsync(stored, CancellationToken.None);
        var again = await users.FindAsync("admin", CancellationToken.None);
        Assert.Equal(("h2", 3), (again!.PasswordHash, again.TokenGeneration));
    }

    [Fact]
    public async Task Settings_keep_the_first_value()
    {
        await using var scope = _db.Scope();
        var settings = scope.ServiceProvider.GetRequiredService<ISettingsStore>();
        Assert.Equal("one", await settings.GetOrAddAsync("k", () => "one", CancellationToken.None));
        Assert.Equal("one", await settings.GetOrAddAsync("k", () => "two", CancellationToken.None));
    }
}
