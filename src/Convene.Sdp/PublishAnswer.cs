namespace Convene.Sdp;

/// <summary>
/// The SFU's answer to a publisher's offer and what was agreed. <see cref="LocalIsDtlsClient"/> is false in the normal
/// case (offer actpass, answer passive: the browser is the DTLS client).
/// </summary>
public sealed record PublishAnswer(
    SessionDescription Description,
    RemoteTransport Remote,
    bool LocalIsDtlsClient,
    IReadOnlyList<NegotiatedMedia> Media);
