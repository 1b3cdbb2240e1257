using System.Security.Cryptography;
using System.Text;
using Convene.Domain.ApiKeys;

namespace Convene.Server.Auth;

/// <summary>
/// The stored API keys held in memory (there is at most one), so checking <c>X-API-KEY</c> costs no database
/// round trip. Refreshed at start and by every API-key change. Comparison is constant-time.
/// </summary>
internal sealed class ApiKeyCache
{
    private volatile byte[][] _keys = [];

    public bool IsEmpty => _keys.Length == 0;

    public void Set(IEnumerable<ApiKey> keys) => _keys = keys.Select(k => Encoding.UTF8.GetBytes(k.Key)).ToArray();

    public bool Matches(string presented)
    {
        var bytes = Encoding.UTF8.GetBytes(presented);
        var match = false;
        foreach (var key in _keys)
        {
            // FixedTimeEquals returns early only on length mismatch, which reveals nothing about the key's content.
            match |= CryptographicOperations.FixedTimeEquals(bytes, key);
        }

        return match;
    }
}
