using Convene.Domain.Rooms;

namespace Convene.Server.Rooms;

/// <summary>Recording switch and who may access recordings (absent when not stored).</summary>
public sealed record RecordingConfigDto(bool Enabled, RecordingAccess? AllowAccessTo);
