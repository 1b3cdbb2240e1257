namespace Convene.Server.Recordings;

public sealed record BulkFailure(string RecordingId, string Error);
