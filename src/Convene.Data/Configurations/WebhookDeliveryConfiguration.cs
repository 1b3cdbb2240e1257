using Convene.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Convene.Data.Configurations;

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.ToTable("WebhookDeliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedOnAdd();
        builder.Property(d => d.EventId).HasMaxLength(64);
        builder.Property(d => d.Event).HasMaxLength(64);
        builder.Property(d => d.RoomId).HasMaxLength(128);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.LastError).HasMaxLength(1024);
        builder.HasIndex(d => new { d.Status, d.RoomId, d.Id });
        builder.HasIndex(d => d.EventId);
    }
}
