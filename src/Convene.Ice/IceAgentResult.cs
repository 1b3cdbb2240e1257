namespace Convene.Ice;

/// <summary>
/// What <see cref="IceLiteAgent.HandleBindingRequest"/> did. When its responseLength is positive, send the response
/// to the remote address; every result other than <see cref="ResponseReady"/> is also a drop to count.
/// </summary>
public enum IceAgentResult
{
    /// <summary>Valid check: a success response is ready; consent refreshed; the pair is valid (nominated on USE-CANDIDATE).</summary>
    ResponseReady,

    /// <summary>Not a parsable STUN message; nothing to send.</summary>
    Malformed,

    /// <summary>FINGERPRINT present but wrong; silently dropped (RFC 8445 §7.3).</summary>
    BadFingerprint,

    /// <summary>A STUN message that is not a Binding request (indication, response, other method); ignored.</summary>
    NotBindingRequest,

    /// <summary>Missing USERNAME, MESSAGE-INTEGRITY, PRIORITY or FINGERPRINT: a 400 error response is ready.</summary>
    BadRequest,

    /// <summary>USERNAME does not start with our ufrag (or names the wrong remote ufrag): a 401 error response is ready.</summary>
    UnknownUsername,

    /// <summary>MESSAGE-INTEGRITY does not verify with our password: a 401 error response is ready.</summary>
    BadIntegrity,

    /// <summary>The peer claims the controlled role too; a lite agent never switches, so a 487 error response is ready.</summary>
    RoleConflict,

    /// <summary>The response buffer is smaller than <see cref="IceLiteAgent.MinResponseBufferLength"/>; nothing written.</summary>
    BufferTooSmall,

    /// <summary>The agent is <see cref="IceAgentState.Failed"/>; requests are no longer answered.</summary>
    AgentFailed,
}
