using Convene.Dtls;
using Convene.Srtp;

namespace Convene.Sfu.Transport;

/// <summary>Bridges the DTLS result to the SRTP library; the two protocol libraries do not reference each other.</summary>
public static class DtlsSrtpKeysExtensions
{
    /// <summary>The DTLS library reports the negotiated profile by its IANA id, which <see cref="SrtpProfile"/> shares.</summary>
    public static SrtpKeyingMaterial ToSrtpKeyingMaterial(this DtlsSrtpKeys keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return new((SrtpProfile)(int)keys.Profile, keys.MasterKey.ToArray(), keys.MasterSalt.ToArray());
    }
}
