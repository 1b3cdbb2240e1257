using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Convene.Data.Configurations;

internal sealed class SettingConfiguration : IEntityTypeConfiguration<SettingEntry>
{
    public void Configure(EntityTypeBuilder<SettingEntry> builder)
    {
        builder.ToTable("Settings");
        builder.HasKey(s => s.Name);
        builder.Property(s => s.Name).HasMaxLength(128);
    }
}
