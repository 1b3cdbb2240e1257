namespace Convene.Server.Http;

/// <summary>The contract's error body (§2.2); <see cref="Details"/> only on validation errors.</summary>
public sealed record ErrorBody(string Error, string Message, IReadOnlyList<FieldError>? Details = null);
