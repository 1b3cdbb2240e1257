using System.Globalization;

namespace Convene.Sdp;

/// <summary>The o= line.</summary>
public sealed record SdpOrigin(string Username, ulong SessionId, ulong SessionVersion, string NetworkType, string AddressType, string Address)
{
    /// <summary>A server origin: "- id version IN IP4 127.0.0.1".</summary>
    public static SdpOrigin Create(ulong sessionId, ulong sessionVersion) => new("-", sessionId, sessionVersion, "IN", "IP4", "127.0.0.1");

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Username} {SessionId} {SessionVersion} {NetworkType} {AddressType} {Address}");
}
