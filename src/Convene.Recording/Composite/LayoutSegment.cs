namespace Convene.Recording.Composite;

/// <summary>A stretch of the composite timeline with a fixed set of visible videos.</summary>
public sealed record LayoutSegment(long FromMs, long ToMs, IReadOnlyList<LayoutCell> Cells);
