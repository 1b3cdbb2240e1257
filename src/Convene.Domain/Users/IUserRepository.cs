namespace Convene.Domain.Users;

/// <summary>Console user storage.</summary>
public interface IUserRepository
{
    Task<User?> FindAsync(string username, CancellationToken cancellationToken);

    /// <summary>Adds the user unless one with that name exists; true when added.</summary>
    Task<bool> TryAddAsync(User user, CancellationToken cancellationToken);

    Task UpdateAsync(User user, CancellationToken cancellationToken);
}
