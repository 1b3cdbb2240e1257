using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Convene.Data.Tests;

/// <summary>The data layer's connections carry WAL, synchronous=NORMAL, a busy timeout and a high auto-checkpoint threshold, also when reused from the pool.</summary>
public sealed class SqlitePragmaTests : IAsyncLifetime
{
    private readonly SqliteDatabase _db = new();

    public ValueTask InitializeAsync() => _db.InitializeAsync();

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private async Task<(long BusyTimeout, long Synchronous, string? JournalMode, long AutoCheckpoint)> ReadPragmasAsync()
    {
        await using var scope = _db.Scope();
        var context = scope.ServiceProvider.GetRequiredService<ConveneDbContext>();
        await context.Database.OpenConnectionAsync();
        try
        {
            await using var command = context.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA busy_timeout";
            var busy = (long)(await command.ExecuteScalarAsync())!;
            command.CommandText = "PRAGMA synchronous";
            var synchronous = (long)(await command.ExecuteScalarAsync())!;
            command.CommandText = "PRAGMA journal_mode";
            var journal = (string?)await command.ExecuteScalarAsync();
            command.CommandText = "PRAGMA wal_autocheckpoint";
            var autoCheckpoint = (long)(await command.ExecuteScalarAsync())!;
            return (busy, synchronous, journal, autoCheckpoint);
        }
        finally
        {
            await context.Database.CloseConnectionAsync();
        }
    }

    [Fact]
    public async Task A_fresh_physical_connection_has_the_pragmas()
    {
        SqliteConnection.ClearAllPools();

        var (busy, synchronous, journal, autoCheckpoint) = await ReadPragmasAsync();

        Assert.Equal(5000, busy);
        Assert.Equal(1, synchronous); // 1 = NORMAL
        Assert.Equal("wal", journal);
        Assert.Equal(20000, autoCheckpoint); // the safety net behind the background checkpoint
    }

    [Fact]
    public async Task A_connection_reused_from_the_pool_keeps_the_pragmas()
    {
        await ReadPragmasAsync();

        for (var i = 0; i < 3; i++)
        {
            var (busy, synchronous, journal, _) = await ReadPragmasAsync();
            Assert.Equal(5000, busy);
            Assert.Equal(1, synchronous);
            Assert.Equal("wal", journal);
        }
    }
    [Fact]
    public async Task The_pragmas_run_once_per_physical_connection_not_on_every_pooled_open()
    {
        SqliteConnection.ClearAllPools();
        await ReadPragmasAsync();
        await using (var scope = _db.Scope())
        {
            // Mark the pooled physical connection: if the pragmas ran again on the next open, the mark would be reset.
            var context = scope.ServiceProvider.GetRequiredService<ConveneDbContext>();
            await context.Database.OpenConnectionAsync();
            await context.Database.ExecuteSqlRawAsync("PRAGMA busy_timeout=1234");
            await context.Database.CloseConnectionAsync();
        }

        var (busy, _, _, _) = await ReadPragmasAsync();

        Assert.Equal(1234, busy);
    }
}
