using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Convene.Data.Sqlite;

public static class SqliteDataServiceCollectionExtensions
{
    /// <summary>The SQLite file's name inside the data directory.</summary>
    public const string DatabaseFileName = "convene.db";

    /// <summary>Registers the data layer on a SQLite file in <paramref name="dataDirectory"/> (created if missing).</summary>
    public static IServiceCollection AddConveneSqlite(this IServiceCollection services, string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        var connectionString = ConnectionString(Path.Combine(dataDirectory, DatabaseFileName));
        var writeGate = new SqliteWriteGate(); // one per database file, shared by every pooled context
        services.AddSingleton(writeGate);
        services.AddSingleton(sp => new SqliteCheckpointer(connectionString, sp.GetService<TimeProvider>() ?? TimeProvider.System, sp.GetRequiredService<ILogger<SqliteCheckpointer>>()));
        services.AddHostedService(sp => sp.GetRequiredService<SqliteCheckpointer>());
        return services.AddConveneData(options => Configure(options, connectionString).AddInterceptors(writeGate));
    }

    /// <summary>The connection string used for a database file (pooled connections, 5 s busy timeout).</summary>
    public static string ConnectionString(string databasePath) => new SqliteConnectionStringBuilder
    {
        DataSource = databasePath,
        Pooling = true,
        DefaultTimeout = 5,
    }.ToString();

    internal static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(SqliteDataServiceCollectionExtensions).Assembly.GetName().Name))
            .AddInterceptors(SqlitePragmas.Instance);
}
