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
    /// <summary>
    /// How long a save waits for the gate before it goes ahead without it (and meets SQLite's busy timeout instead):
    /// far longer than any save takes, so it only matters if a holder was never released.
    /// </summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _bypassed;

    /// <summary>The contexts whose current save holds the gate.</summary>
    private readonly ConditionalWeakTable<DbContext, object> _holders = [];

    /// <summary>Saves that waited <see cref="MaxWait"/> and went ahead without the gate (0 unless something leaked it).</summary>
    public long Bypassed => Interlocked.Read(ref _bypassed);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (ShouldGate(eventData))
        {
            Hold(eventData, _gate.Wait(MaxWait));
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (ShouldGate(eventData))
        {
            Hold(eventData, await _gate.WaitAsync(MaxWait, cancellationToken));
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

    // A concurrency failure (the row changed or went away) is reported here and not through SaveChangesFailed.
    public override InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result)
    {
        Release(eventData);
        return result;
    }

    public override ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(ConcurrencyExceptionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Release(eventData);
        return ValueTask.FromResult(result);
    }

    public void Dispose() => _gate.Dispose();

    private static bool ShouldGate(DbContextEventData eventData) =>
        eventData.Context is { } context && context.Database.CurrentTransaction is null;

    private void Hold(DbContextEventData eventData, bool entered)
    {
        if (entered)
        {
            _holders.AddOrUpdate(eventData.Context!, _gate);
        }
        else
        {
            Interlocked.Increment(ref _bypassed);
        }
    }

    private void Release(DbContextEventData eventData)
    {
        if (eventData.Context is { } context && _holders.Remove(context))
        {
            _gate.Release();
        }
    }
}
