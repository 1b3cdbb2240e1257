using Convene.Data.Sqlite;
using Convene.Domain.Rooms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Convene.Data.Tests;

/// <summary>The in-process write gate (one save at a time, never across an open transaction), batched room creates and the background checkpoint.</summary>
public sealed class SqliteWriteTests : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);
    private readonly SqliteDatabase _db = new();

    public ValueTask InitializeAsync() => _db.InitializeAsync();

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    /// <summary>Creates a room through the repository in its own scope, as one HTTP request would.</summary>
    private async Task AddRoomAsync(string roomId)
    {
        await using var scope = _db.Scope();
        await scope.ServiceProvider.GetRequiredService<IRoomRepository>().AddAsync(RepositoryTests.NewRoom(roomId), TestContext.Current.CancellationToken);
    }

    private async Task<int> CountRoomsAsync()
    {
        await using var scope = _db.Scope();
        return await scope.ServiceProvider.GetRequiredService<ConveneDbContext>().Rooms.CountAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Concurrent_saves_all_land()
    {
        var ct = TestContext.Current.CancellationToken;
        var saves = Enumerable.Range(0, 64).Select(i => AddRoomAsync($"c-{i}"));

        await Task.WhenAll(saves).WaitAsync(Bound, ct);

        Assert.Equal(64, await CountRoomsAsync());
    }

    [Fact]
    public async Task A_transaction_that_saves_twice_is_not_deadlocked_by_a_save_waiting_behind_it()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var holderScope = _db.Scope();
        var holder = holderScope.ServiceProvider.GetRequiredService<ConveneDbContext>();
        await using var transaction = await holder.Database.BeginTransactionAsync(ct);
        holder.Rooms.Add(RepositoryTests.NewRoom("t-1"));
        await holder.SaveChangesAsync(ct); // the transaction now holds SQLite's write lock

        // This save takes the gate and then waits in SQLite for the transaction's lock.
        var waiting = Task.Run(() => AddRoomAsync("w-1"), ct);
        await Task.Delay(200, ct);

        // If transactions had to pass the gate too, this second save would wait for the gate the waiting save holds,
        // which waits for this transaction: a deadlock that ends in SQLITE_BUSY after the busy timeout.
        holder.Rooms.Add(RepositoryTests.NewRoom("t-2"));
        await holder.SaveChangesAsync(ct).WaitAsync(TimeSpan.FromSeconds(3), ct);
        await transaction.CommitAsync(ct);

        await waiting.WaitAsync(Bound, ct);
        Assert.Equal(3, await CountRoomsAsync());
    }

    [Fact]
    public async Task A_failed_save_releases_the_gate()
    {
        var ct = TestContext.Current.CancellationToken;
        await using (var scope = _db.Scope())
        {
            var rooms = scope.ServiceProvider.GetRequiredService<IRoomRepository>();
            await rooms.AddAsync(RepositoryTests.NewRoom("dup"), ct);
            await Assert.ThrowsAsync<DbUpdateException>(() => rooms.AddAsync(RepositoryTests.NewRoom("dup"), ct));
        }

        await AddRoomAsync("after").WaitAsync(TimeSpan.FromSeconds(3), ct);

        Assert.Equal(2, await CountRoomsAsync());
    }

    [Fact]
    public async Task An_update_of_a_deleted_room_releases_the_gate()
    {
        var ct = TestContext.Current.CancellationToken;
        await using (var scope = _db.Scope())
        {
            var rooms = scope.ServiceProvider.GetRequiredService<IRoomRepository>();
            await rooms.AddAsync(RepositoryTests.NewRoom("gone"), ct);
            var room = (await rooms.FindAsync("gone", ct))!;
            Assert.True(await rooms.DeleteAsync("gone", ct));

            // EF reports this through the concurrency-exception hook, not SaveChangesFailed.
            Assert.False(await rooms.UpdateAsync(room, ct));
        }

        await using (var scope = _db.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<IRoomRepository>().AddAsync(RepositoryTests.NewRoom("next"), ct).WaitAsync(TimeSpan.FromSeconds(3), ct);
            Assert.Equal(0, scope.ServiceProvider.GetRequiredService<SqliteWriteGate>().Bypassed);
        }

        Assert.Equal(1, await CountRoomsAsync());
    }

    [Fact]
    public async Task A_duplicate_among_concurrent_creates_fails_alone()
    {
        var ct = TestContext.Current.CancellationToken;
        await AddRoomAsync("taken");

        // Queued together, so at least some share a batch with the duplicate, which then fails only its own create.
        var creates = Enumerable.Range(0, 40).Select(i => AddRoomAsync(i == 20 ? "taken" : $"b-{i}")).ToList();

        await Assert.ThrowsAsync<DbUpdateException>(() => creates[20]).WaitAsync(Bound, ct);
        await Task.WhenAll(creates.Where((_, i) => i != 20)).WaitAsync(Bound, ct);
        Assert.Equal(40, await CountRoomsAsync());
    }

    [Fact]
    public async Task The_batcher_refuses_creates_once_disposed()
    {
        await using var scope = _db.Scope();
        var batcher = ActivatorUtilities.CreateInstance<Repositories.RoomInsertBatcher>(scope.ServiceProvider);
        await batcher.AddAsync(RepositoryTests.NewRoom("before"), TestContext.Current.CancellationToken);
        await batcher.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => batcher.AddAsync(RepositoryTests.NewRoom("after"), TestContext.Current.CancellationToken));
        Assert.Equal(1, await CountRoomsAsync());
    }

    [Fact]
    public async Task The_background_checkpoint_copies_the_whole_log_into_the_database_file()
    {
        var ct = TestContext.Current.CancellationToken;
        await using (var scope = _db.Scope())
        {
            var rooms = scope.ServiceProvider.GetRequiredService<IRoomRepository>();
            for (var i = 0; i < 20; i++)
            {
                await rooms.AddAsync(RepositoryTests.NewRoom($"k-{i}"), ct);
            }
        }

        await using var checkpointScope = _db.Scope();
        var checkpointer = checkpointScope.ServiceProvider.GetRequiredService<SqliteCheckpointer>();
        var result = await checkpointer.CheckpointAsync(ct);

        Assert.NotNull(result);
        Assert.True(result.Value.LogPages > 0, "the writes should be in the write-ahead log before the checkpoint");
        Assert.Equal(result.Value.LogPages, result.Value.CheckpointedPages);
        Assert.Equal(1, checkpointer.Runs);
    }
}
