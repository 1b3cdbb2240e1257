namespace Convene.Ice;

/// <summary>Connection state of an ICE-lite agent.</summary>
public enum IceAgentState
{
    /// <summary>No valid binding request yet.</summary>
    New,

    /// <summary>Valid checks arrived but none nominated a pair yet.</summary>
    Checking,

    /// <summary>A pair is nominated and consent is fresh.</summary>
    Connected,

    /// <summary>No valid request within the consent timeout (RFC 7675): stop sending media; may recover.</summary>
    Disconnected,

    /// <summary>No valid request within the failure timeout: terminal, close the transport.</summary>
    Failed,
}
