namespace Convene.Signalling.Protocol;

/// <summary><c>TrackInfo &amp; { mid }</c> in <c>publishAnswer</c>.</summary>
internal sealed record PublishedTrackInfo(string TrackId, string Kind, string Source, bool Muted, string Mid);
