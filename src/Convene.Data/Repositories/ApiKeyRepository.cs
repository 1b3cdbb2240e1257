using Convene.Domain.ApiKeys;
using Microsoft.EntityFrameworkCore;

namespace Convene.Data.Repositories;

internal sealed class ApiKeyRepository(ConveneDbContext db) : IApiKeyRepository
{
    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken) =>
        await db.ApiKeys.AsNoTracking().OrderBy(k => k.CreationDate).ToListAsync(cancellationToken);

    public async Task ReplaceAllAsync(ApiKey key, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.ApiKeys.ExecuteDeleteAsync(cancellationToken);
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    public async Task<bool> AddIfNoneAsync(ApiKey key, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.ApiKeys.AnyAsync(cancellationToken))
        {
            return false;
        }

        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return true;
    }

    public Task DeleteAllAsync(CancellationToken cancellationToken) => db.ApiKeys.ExecuteDeleteAsync(cancellationToken);
}
