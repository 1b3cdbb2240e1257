using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Convene.Data.Sqlite;

/// <summary>
/// Per-connection settings, applied once per physical connection (a pooled connection keeps them, so re-opening it
/// from the pool costs no extra statement):
/// <list type="bullet">
/// <item><c>busy_timeout=5000</c>: a writer that finds the file locked waits inside SQLite, retrying within
/// milliseconds, instead of failing to Microsoft.Data.Sqlite's own retry loop, which sleeps 150 ms between attempts
/// (that sleep was the 200+ ms p95 of concurrent room creates).</item>
/// <item><c>synchronous=NORMAL</c>: with WAL journaling (set at start-up) the database stays consistent after a crash
/// and only risks the last transactions on power loss, at a fraction of FULL's fsyncs.</item>
/// <item><c>wal_autocheckpoint=20000</c> (pages, ~80 MB): <see cref="SqliteCheckpointer"/> checkpoints in the
/// background twice a second, so a commit only checkpoints the log itself if that service has stopped.</item>
/// </list>
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    /// <summary>How long a statement waits for a lock held by another connection.</summary>
    public const int BusyTimeoutMilliseconds = 5000;

    private const string Pragmas = "PRAGMA busy_timeout=5000; PRAGMA synchronous=NORMAL; PRAGMA wal_autocheckpoint=20000;";

    /// <summary>The native handles already configured; an entry goes away when its connection is really closed.</summary>
    private readonly ConditionalWeakTable<object, object> _configured = [];

    public static SqlitePragmas Instance { get; } = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (NeedsPragmas(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
            MarkConfigured(connection);
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (NeedsPragmas(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            MarkConfigured(connection);
        }
    }

    private bool NeedsPragmas(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection is not SqliteConnection { Handle: { } handle } || !_configured.TryGetValue(handle, out _);
    }

    private void MarkConfigured(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            _configured.AddOrUpdate(handle, handle);
        }
    }
}
