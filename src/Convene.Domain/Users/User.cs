namespace Convene.Domain.Users;

/// <summary>
/// A console user. <see cref="TokenGeneration"/> is carried in every token issued to the user; bumping it (on a
/// password change) revokes all earlier tokens.
/// </summary>
public sealed class User
{
    public required string Username { get; init; }

    public required string PasswordHash { get; set; }

    public required IReadOnlyList<UserRole> Roles { get; init; }

    public int TokenGeneration { get; set; }
}
