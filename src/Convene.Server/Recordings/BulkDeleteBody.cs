namespace Convene.Server.Recordings;

/// <summary>§3.11 response; <see cref="Failed"/> only when something failed.</summary>
public sealed record BulkDeleteBody(string Message, IReadOnlyList<string> Deleted, IReadOnlyList<BulkFailure>? Failed);
