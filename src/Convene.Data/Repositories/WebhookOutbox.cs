using Convene.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Convene.Data.Repositories;

/// <summary>
/// The webhook outbox on the scope's <see cref="ConveneDbContext"/>: <see cref="Add"/> joins the unit of work and the
/// delivery loop is woken once that unit of work is saved.
/// </summary>
internal sealed class WebhookOutbox(ConveneDbContext db, WebhookOutboxSignal signal) : IWebhookOutbox, IWebhookDeliveryStore
{
    private bool _hooked;

    public void Add(WebhookDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        db.WebhookDeliveries.Add(delivery);
        if (_hooked)
        {
            return;
        }

        // Pooled contexts keep event handlers between leases, so the handlers remove themselves after the next save.
        _hooked = true;
        EventHandler<SavedChangesEventArgs>? saved = null;
        EventHandler<SaveChangesFailedEventArgs>? failed = null;
        saved = (_, _) =>
        {
            Unhook();
            signal.Notify();
        };
        failed = (_, _) => Unhook();
        db.SavedChanges += saved;
        db.SaveChangesFailed += failed;

        void Unhook()
        {
            db.SavedChanges -= saved;
            db.SaveChangesFailed -= failed;
            _hooked = false;
        }
    }

    public async Task<IReadOnlyList<WebhookDelivery>> DueHeadsAsync(long nowMs, int maxItems, CancellationToken cancellationToken)
    {
        var all = db.WebhookDeliveries;
        return await all.AsNoTracking()
            .Where(d => d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt <= nowMs
                && !all.Any(o => o.Status == WebhookDeliveryStatus.Pending && o.RoomId == d.RoomId && o.Id < d.Id))
            .OrderBy(d => d.Id)
            .Take(maxItems)
            .ToListAsync(cancellationToken);
    }

    public async Task<long?> NextAttemptAtAsync(CancellationToken cancellationToken) =>
        await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.Status == WebhookDeliveryStatus.Pending)
            .MinAsync(d => (long?)d.NextAttemptAt, cancellationToken);

    public async Task UpdateAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        db.WebhookDeliveries.Update(delivery);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    public async Task AddNowAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        Add(delivery);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    public Task<WebhookDelivery?> FindAsync(long id, CancellationToken cancellationToken) =>
        db.WebhookDeliveries.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);

    public async Task<(IReadOnlyList<WebhookDelivery> Items, bool IsTruncated)> ListAsync(long? beforeId, int maxItems, CancellationToken cancellationToken)
    {
        var rows = db.WebhookDeliveries.AsNoTracking();
        if (beforeId is { } before)
        {
            rows = rows.Where(d => d.Id < before);
        }

        var page = await rows.OrderByDescending(d => d.Id).Take(maxItems + 1).ToListAsync(cancellationToken);
        var truncated = page.Count > maxItems;
        if (truncated)
        {
            page.RemoveAt(page.Count - 1);
        }

        return (page, truncated);
    }
}
