using Convene.Domain.Rooms;

namespace Convene.Server.Rooms;

/// <summary>A feature switch.</summary>
public sealed record EnabledDto(bool Enabled);
