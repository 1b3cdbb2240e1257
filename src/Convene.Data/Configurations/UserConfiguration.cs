using Convene.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Convene.Data.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("Users");
        builder.HasKey(u => u.Username);
        builder.Property(u => u.Username).HasMaxLength(128);
        builder.Property(u => u.Roles)
            .HasConversion(
                roles => string.Join(',', roles),
                text => text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<UserRole>).ToList(),
                new ValueComparer<IReadOnlyList<UserRole>>(
                    (a, b) => a != null && b != null && a.SequenceEqual(b),
                    roles => roles.Aggregate(0, (hash, role) => HashCode.Combine(hash, role)),
                    roles => roles.ToList()))
            .HasMaxLength(64);
    }
}
