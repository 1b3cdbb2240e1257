using Convene.Sfu.Plane;

namespace Convene.Testing.Media;

/// <summary>
/// The end of every SFU component test: after the rooms are closed, the plane must hold no room, transport, bound
/// address, queued command, tick hook, producer or consumer (waiting up to 2 s for the worker to drain its queue).
/// </summary>
public static class SfuLeakCheck
{
    public static async Task<string?> FindLeaksAsync(MediaPlane plane, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plane);
        await Poll.UntilAsync(() => plane.Resources.IsEmpty, TimeSpan.FromSeconds(2), cancellationToken);
        var resources = plane.Resources;
        return resources.IsEmpty ? null : $"The media plane leaked: {resources}";
    }
}
