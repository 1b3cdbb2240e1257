namespace Convene.Server.Http;

/// <summary>One entry of a 422 body's <c>details</c> (contract §2.3).</summary>
public sealed record FieldError(string Field, string Message);
