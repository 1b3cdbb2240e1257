using Convene.Data.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Convene.Data.Tests;

/// <summary>A migrated SQLite database in a temp directory, with the data layer's services.</summary>
public sealed class SqliteDatabase : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "convene-data-tests", Guid.NewGuid().ToString("N"));
    private ServiceProvider _services = null!;

    public string DatabasePath => Path.Combine(_directory, SqliteDataServiceCollectionExtensions.DatabaseFileName);

    public async ValueTask InitializeAsync()
    {
        _services = new ServiceCollection().AddLogging().AddConveneSqlite(_directory).BuildServiceProvider();
        await using var scope = _services.CreateAsyncScope();
        await ConveneDatabase.MigrateAsync(scope.ServiceProvider.GetRequiredService<ConveneDbContext>(), CancellationToken.None);
    }

    /// <summary>A fresh scope (its own DbContext), like one HTTP request.</summary>
    public AsyncServiceScope Scope() => _services.CreateAsyncScope();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
