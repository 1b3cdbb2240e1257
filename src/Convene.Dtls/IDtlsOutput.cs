namespace Convene.Dtls;

/// <summary>Where a DTLS transport sends its records: the ICE-selected 5-tuple. Called from the handshake thread.</summary>
public interface IDtlsOutput
{
    /// <summary>Sends one datagram. Must not block for long; the span is only valid during the call.</summary>
    void Send(ReadOnlySpan<byte> datagram);
}
