using Convene.Domain.Rooms;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Convene.Data.Configurations;

internal sealed class RoomConfiguration : IEntityTypeConfiguration<Room>
{
    public void Configure(EntityTypeBuilder<Room> builder)
    {
        builder.ToTable("Rooms");
        builder.HasKey(r => r.RoomId);
        builder.Property(r => r.RoomId).HasMaxLength(128);
        builder.Property(r => r.RoomName).HasMaxLength(64);
        builder.Property(r => r.ModeratorSecret).HasMaxLength(32);
        builder.Property(r => r.SpeakerSecret).HasMaxLength(32);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.MeetingEndAction).HasConversion<string>().HasMaxLength(16);
        builder.ComplexProperty(r => r.AutoDeletionPolicy, p =>
        {
            p.Property(x => x.WithMeeting).HasConversion<string>().HasMaxLength(24).HasColumnName("AutoDeletionWithMeeting");
            p.Property(x => x.WithRecordings).HasConversion<string>().HasMaxLength(24).HasColumnName("AutoDeletionWithRecordings");
        });
        builder.ComplexProperty(r => r.Config, c =>
        {
            c.Property(x => x.ChatEnabled).HasColumnName("ChatEnabled");
            c.Property(x => x.RecordingEnabled).HasColumnName("RecordingEnabled");
            c.Property(x => x.RecordingAllowAccessTo).HasConversion<string>().HasMaxLength(32).HasColumnName("RecordingAllowAccessTo");
            c.Property(x => x.VirtualBackgroundEnabled).HasColumnName("VirtualBackgroundEnabled");
            c.Property(x => x.E2eeEnabled).HasColumnName("E2eeEnabled");
        });
        builder.HasIndex(r => new { r.CreationDate, r.RoomId });
        builder.HasIndex(r => new { r.RoomName, r.RoomId });
        builder.HasIndex(r => new { r.AutoDeletionDate, r.RoomId });
        builder.HasIndex(r => r.Status);
    }
}
