namespace Convene.Domain.Settings;

/// <summary>Small named values that must survive restarts (for example the token signing key).</summary>
public interface ISettingsStore
{
    /// <summary>Returns the stored value, storing <paramref name="create"/>'s result first when absent.</summary>
    Task<string> GetOrAddAsync(string name, Func<string> create, CancellationToken cancellationToken);
}
