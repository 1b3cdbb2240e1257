using Convene.Sfu.Media;

namespace Convene.Sfu.Plane;

/// <summary>One m-section of a subscriber connection: a mid, its kind, and the consumer it carries (null = inactive, reusable).</summary>
internal sealed class SubscriberSlot(string mid, string kind)
{
    public string Mid { get; } = mid;

    public string Kind { get; } = kind;

    public Consumer? Consumer { get; set; }
}
