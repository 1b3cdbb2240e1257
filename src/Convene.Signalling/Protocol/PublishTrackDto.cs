namespace Convene.Signalling.Protocol;

/// <summary>One entry of <c>publishOffer.tracks</c>: which source an m-section (by mid) carries.</summary>
internal sealed record PublishTrackDto(string Mid, string Source, bool Muted = false);
