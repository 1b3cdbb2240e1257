namespace Convene.Recording.Composite;

/// <summary>A video tile: which track and where on the canvas.</summary>
public sealed record LayoutCell(RecordedTrack Track, (int X, int Y, int W, int H) Area);
