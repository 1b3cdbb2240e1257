using System.Threading.Channels;
using Convene.Domain.Rooms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Convene.Data.Repositories;

/// <summary>
/// Group commit for room creation: concurrent creates are queued and written by one loop, each batch (up to
/// <see cref="MaxBatch"/> rooms) in one <c>SaveChanges</c>, so one commit's lock round trip and log write serve many
/// creates (ADR 0005). A create waits only for its own batch; a lone create is a batch of one. If a batch fails (a
/// duplicate id, say) its rooms are retried one by one so that only the faulty create fails, with its own error.
/// </summary>
internal sealed class RoomInsertBatcher : IAsyncDisposable, IDisposable
{
    public const int MaxBatch = 64;

    private readonly IServiceScopeFactory _scopes;
    private readonly Channel<PendingInsert> _queue = Channel.CreateUnbounded<PendingInsert>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    public RoomInsertBatcher(IServiceScopeFactory scopes)
    {
        _scopes = scopes;
        _loop = Task.Run(WriteLoopAsync);
    }

    /// <summary>Completes once the room is saved; faults with the save's exception if it could not be.</summary>
    public Task AddAsync(Room room, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(room);
        cancellationToken.ThrowIfCancellationRequested();
        var pending = new PendingInsert(room, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(pending), this);

        // Once queued the room is written whatever happens to the caller, as a save already sent to SQLite would be.
        return pending.Saved.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Refuses new creates and waits until the queued ones are written.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    /// <summary>Refuses new creates; the queued ones are still written by the loop (a synchronous container dispose must not block on I/O).</summary>
    public void Dispose() => _queue.Writer.TryComplete();

    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingInsert>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            await WriteAsync(batch);
        }
    }

    private async Task WriteAsync(List<PendingInsert> batch)
    {
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ConveneDbContext>();
            db.Rooms.AddRange(batch.Select(p => p.Room));
            try
            {
                await db.SaveChangesAsync(CancellationToken.None);
                batch.ForEach(p => p.Saved.TrySetResult());
                return;
            }
            catch (DbUpdateException) when (batch.Count > 1)
            {
                db.ChangeTracker.Clear(); // nothing of the batch was written: retry each room on its own
            }

            foreach (var pending in batch)
            {
                db.Rooms.Add(pending.Room);
                try
                {
                    await db.SaveChangesAsync(CancellationToken.None);
                    pending.Saved.TrySetResult();
                }
                catch (DbUpdateException ex)
                {
                    pending.Saved.TrySetException(ex);
                }
                finally
                {
                    db.ChangeTracker.Clear();
                }
            }
        }
        catch (Exception ex)
        {
            batch.ForEach(p => p.Saved.TrySetException(ex)); // e.g. the database is gone: every waiting create fails
        }
    }

    private sealed record PendingInsert(Room Room, TaskCompletionSource Saved);
}
