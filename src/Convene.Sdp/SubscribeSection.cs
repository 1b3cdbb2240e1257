namespace Convene.Sdp;

/// <summary>
/// One m-section of a subscriber offer, in order. A null <see cref="Track"/> writes an inactive section that keeps the
/// mid reserved for recycling when a new track of the same kind arrives.
/// </summary>
public sealed record SubscribeSection(string Mid, string Kind, SubscribeTrack? Track);
