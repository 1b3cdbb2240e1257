namespace Convene.Domain.ApiKeys;

/// <summary>API key storage. Only one key exists at a time (contract §5).</summary>
public interface IApiKeyRepository
{
    Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Atomically removes every key and stores <paramref name="key"/>.</summary>
    Task ReplaceAllAsync(ApiKey key, CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="key"/> only when no key exists (initial key from configuration).</summary>
    Task<bool> AddIfNoneAsync(ApiKey key, CancellationToken cancellationToken);

    Task DeleteAllAsync(CancellationToken cancellationToken);
}
