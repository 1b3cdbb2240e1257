namespace Convene.Sfu.Plane;

/// <summary>A count of what a <see cref="MediaPlane"/> holds: rooms, transports, bound addresses, queued commands, live producers/consumers.</summary>
internal sealed record SfuResources(
    int Rooms,
    int Transports,
    int BoundAddresses,
    int PendingCommands,
    int TickHooks,
    long LiveProducers,
    long LiveConsumers)
{
    public bool IsEmpty => Rooms == 0 && Transports == 0 && BoundAddresses == 0 && PendingCommands == 0 && TickHooks == 0
        && LiveProducers == 0 && LiveConsumers == 0;
}
