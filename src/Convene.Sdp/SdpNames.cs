namespace Convene.Sdp;

/// <summary>Text forms of the enums.</summary>
internal static class SdpNames
{
    public static string Of(SdpDirection direction) => direction switch
    {
        SdpDirection.SendOnly => "sendonly",
        SdpDirection.RecvOnly => "recvonly",
        SdpDirection.Inactive => "inactive",
        _ => "sendrecv",
    };

    public static SdpDirection? ParseDirection(string name) => name switch
    {
        "sendrecv" => SdpDirection.SendRecv,
        "sendonly" => SdpDirection.SendOnly,
        "recvonly" => SdpDirection.RecvOnly,
        "inactive" => SdpDirection.Inactive,
        _ => null,
    };

    public static string Of(SdpSetup setup) => setup switch
    {
        SdpSetup.Active => "active",
        SdpSetup.Passive => "passive",
        SdpSetup.HoldConn => "holdconn",
        _ => "actpass",
    };

    public static SdpSetup? ParseSetup(string value) => value switch
    {
        "actpass" => SdpSetup.ActPass,
        "active" => SdpSetup.Active,
        "passive" => SdpSetup.Passive,
        "holdconn" => SdpSetup.HoldConn,
        _ => null,
    };
}
