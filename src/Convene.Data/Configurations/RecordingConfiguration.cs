using Convene.Domain.Recordings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Convene.Data.Configurations;

internal sealed class RecordingConfiguration : IEntityTypeConfiguration<Recording>
{
    public void Configure(EntityTypeBuilder<Recording> builder)
    {
        builder.ToTable("Recordings");
        builder.HasKey(r => r.RecordingId);
        builder.Property(r => r.RecordingId).HasMaxLength(256);
        builder.Property(r => r.RoomId).HasMaxLength(128);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.PublicSecret).HasMaxLength(32);
        builder.Property(r => r.PrivateSecret).HasMaxLength(32);
        builder.HasIndex(r => r.RoomId);
        builder.HasIndex(r => new { r.StartDate, r.RecordingId });
    }
}
