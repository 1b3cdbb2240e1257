using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Convene.Data.Sqlite;

/// <summary>
/// Copies the write-ahead log back into the database file in the background (a PASSIVE checkpoint every
/// <see cref="Interval"/>), so that no request pays for it. SQLite's own auto-checkpoint runs inside the commit that
/// crosses its threshold: that request copies the log and syncs the file, which was most of the create tail
/// (ADR 0005). The connections keep a far higher auto-checkpoint threshold (<see cref="SqlitePragmas"/>) as a safety
/// net should this service stop. A passive checkpoint never waits for a lock and never blocks a writer; a failure is
/// logged and the next tick tries again.
/// </summary>
internal sealed partial class SqliteCheckpointer(string connectionString, TimeProvider time, ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    /// <summary>Checkpoints run (successful or not), for tests and diagnostics.</summary>
    public int Runs => Volatile.Read(ref _runs);

    private int _runs;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await CheckpointAsync(stoppingToken);
        }
    }

    /// <summary>One passive checkpoint; returns the log's size and how much of it is now in the database file (pages).</summary>
    public async Task<(long LogPages, long CheckpointedPages)?> CheckpointAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            // Columns: busy (always 0 for PASSIVE), pages in the log, pages of it now copied to the database (-1/-1
            // when the file is not in WAL mode).
            return (reader.GetInt64(1), reader.GetInt64(2));
        }
        catch (SqliteException ex)
        {
            LogCheckpointFailed(ex);
            return null;
        }
        finally
        {
            Interlocked.Increment(ref _runs);
        }
    }

    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning, Message = "Background WAL checkpoint failed; the next tick retries")]
    private partial void LogCheckpointFailed(Exception exception);
}
