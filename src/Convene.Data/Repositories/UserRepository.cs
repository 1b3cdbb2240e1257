using Convene.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace Convene.Data.Repositories;

internal sealed class UserRepository(ConveneDbContext db) : IUserRepository
{
    public Task<User?> FindAsync(string username, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Username == username, cancellationToken);

    public async Task<bool> TryAddAsync(User user, CancellationToken cancellationToken)
    {
        if (await db.Users.AnyAsync(u => u.Username == user.Username, cancellationToken))
        {
            return false;
        }

        db.Users.Add(user);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false; // another instance added it first
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    public async Task UpdateAsync(User user, CancellationToken cancellationToken)
    {
        db.Users.Update(user);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
