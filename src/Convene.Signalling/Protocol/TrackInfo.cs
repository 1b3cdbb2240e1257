namespace Convene.Signalling.Protocol;

internal sealed record TrackInfo(string TrackId, string Kind, string Source, bool Muted);
