namespace Convene.Recording.Muxing;

/// <summary>Codecs the per-track WebM/Matroska writer stores without transcoding.</summary>
public enum WebmCodec
{
    Vp8,
    Opus,
}
