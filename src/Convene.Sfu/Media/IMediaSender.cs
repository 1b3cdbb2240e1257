namespace Convene.Sfu.Media;

/// <summary>
/// What producers and consumers need from their transport: send plaintext RTP/RTCP (the transport protects and
/// sends it to the selected ICE address). The buffer must leave <c>SrtpContext.MaxOverhead</c> bytes of room
/// after <c>length</c>. Worker-thread only.
/// </summary>
internal interface IMediaSender
{
    bool SendRtp(Span<byte> buffer, int length);

    bool SendRtcp(Span<byte> buffer, int length);
}
