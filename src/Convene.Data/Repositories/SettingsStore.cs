using Convene.Domain.Settings;
using Microsoft.EntityFrameworkCore;

namespace Convene.Data.Repositories;

internal sealed class SettingsStore(ConveneDbContext db) : ISettingsStore
{
    public async Task<string> GetOrAddAsync(string name, Func<string> create, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(create);
        var existing = await db.Settings.AsNoTracking().FirstOrDefaultAsync(s => s.Name == name, cancellationToken);
        if (existing is not null)
        {
            return existing.Value;
        }

        db.Settings.Add(new SettingEntry { Name = name, Value = create() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Lost a race with another writer: theirs wins.
        }
        finally
        {
            db.ChangeTracker.Clear();
        }

        var stored = await db.Settings.AsNoTracking().FirstAsync(s => s.Name == name, cancellationToken);
        return stored.Value;
    }

    public async Task<string?> FindAsync(string name, CancellationToken cancellationToken)
    {
        var existing = await db.Settings.AsNoTracking().FirstOrDefaultAsync(s => s.Name == name, cancellationToken);
        return existing?.Value;
    }

    public async Task SetAsync(string name, string value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(value);
        // One statement, so concurrent writers cannot both insert: the last writer wins.
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO Settings (Name, Value) VALUES ({name}, {value}) ON CONFLICT(Name) DO UPDATE SET Value = excluded.Value",
            cancellationToken);
    }
}
