namespace Convene.Sdp;

/// <summary>Media direction attribute of an m-section (RFC 8866 §6.7).</summary>
public enum SdpDirection
{
    /// <summary>a=sendrecv (also the default when absent).</summary>
    SendRecv,

    /// <summary>a=sendonly.</summary>
    SendOnly,

    /// <summary>a=recvonly.</summary>
    RecvOnly,

    /// <summary>a=inactive.</summary>
    Inactive,
}
