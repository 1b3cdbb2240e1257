using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Convene.Data.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the server.</summary>
internal sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<ConveneDbContext>
{
    public ConveneDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<ConveneDbContext>();
        SqliteDataServiceCollectionExtensions.Configure(options, SqliteDataServiceCollectionExtensions.ConnectionString("design.db"));
        return new ConveneDbContext(options.Options);
    }
}
