namespace Convene.Ice;

/// <summary>STUN message types used by ICE (method Binding, RFC 8489 §5/§18.2). Other values may appear when parsing.</summary>
public enum StunMessageType : ushort
{
    /// <summary>Binding request (connectivity check / consent request).</summary>
    BindingRequest = 0x0001,

    /// <summary>Binding indication (keep-alive, no response).</summary>
    BindingIndication = 0x0011,

    /// <summary>Binding success response.</summary>
    BindingSuccessResponse = 0x0101,

    /// <summary>Binding error response.</summary>
    BindingErrorResponse = 0x0111,
}
