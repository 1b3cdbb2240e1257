using Convene.Domain.ApiKeys;
using Convene.Domain.Recordings;
using Convene.Domain.Rooms;
using Convene.Domain.Users;
using Convene.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Convene.Data;

/// <summary>The Convene database: rooms, recordings metadata, users, API keys and persisted settings.</summary>
public sealed class ConveneDbContext(DbContextOptions<ConveneDbContext> options) : DbContext(options)
{
    public DbSet<Room> Rooms => Set<Room>();

    public DbSet<Recording> Recordings => Set<Recording>();

    public DbSet<User> Users => Set<User>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    internal DbSet<SettingEntry> Settings => Set<SettingEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ConveneDbContext).Assembly);
    }
}
