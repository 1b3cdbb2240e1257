using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Convene.Data.Sqlite;

/// <summary>
/// Lets one <c>SaveChanges</c> at a time write to the SQLite file of this process, the others waiting in FIFO order
/// on a <see cref="SemaphoreSlim"/>. SQLite has a single writer per file: without the gate, concurrent writers meet
/// the file lock and wait in SQLite's busy handler, which sleeps 1, 2, 5, 10, 15, 20… ms between attempts, so a
/// burst of creates spends most of its time asleep while the lock is free (ADR 0005). With the gate the next writer
/// starts the moment the previous one commits.
/// <para>
/// Only saves outside an explicit transaction pass the gate. A transaction begun with
/// <c>Database.BeginTransaction</c> may save several times before it commits and is left to the busy timeout, so a
/// gated save never waits on a transaction that waits on the gate (no deadlock).
/// </para>
/// </summary>
internal sealed class SqliteWriteGate : SaveChangesInterceptor, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>The contexts whose current save holds the gate.</summary>
    private readonly ConditionalWeakTable<DbContext, object> _holders = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (ShouldGate(eventData))
        {
            _gate.Wait();
            _holders.AddOrUpdate(eventData.Context!, _gate);
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (ShouldGate(eventData))
        {
            await _gate.WaitAsync(cancellationToken);
            _holders.AddOrUpdate(eventData.Context!, _gate);
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Release(eventData);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Release(eventData);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Release(eventData);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Release(eventData);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData);
        return Task.CompletedTask;
    }

    public void Dispose() => _gate.Dispose();

    private static bool ShouldGate(DbContextEventData eventData) =>
        eventData.Context is { } context && context.Database.CurrentTransaction is null;

    private void Release(DbContextEventData eventData)
    {
        if (eventData.Context is { } context && _holders.Remove(context))
        {
            _gate.Release();
        }
    }
}
