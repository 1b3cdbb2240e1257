namespace Convene.Domain.Settings;

/// <summary>Small named values that must survive restarts (for example the token signing key or a config document).</summary>
public interface ISettingsStore
{
    /// <summary>Returns the stored value, storing <paramref name="create"/>'s result first when absent.</summary>
    Task<string> GetOrAddAsync(string name, Func<string> create, CancellationToken cancellationToken);

    /// <summary>The stored value, or null when none was stored.</summary>
    Task<string?> FindAsync(string name, CancellationToken cancellationToken);

    /// <summary>Stores (inserts or replaces) the value.</summary>
    Task SetAsync(string name, string value, CancellationToken cancellationToken);
}
