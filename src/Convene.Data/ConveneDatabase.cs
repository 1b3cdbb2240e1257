using Microsoft.EntityFrameworkCore;

namespace Convene.Data;

/// <summary>Start-up work on the database: apply pending migrations and tune the connection.</summary>
public static class ConveneDatabase
{
    public static async Task MigrateAsync(ConveneDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            // WAL lets readers proceed while a writer commits; it is a property of the file, so set it once here.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
