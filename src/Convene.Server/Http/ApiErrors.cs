using System.Globalization;

namespace Convene.Server.Http;

/// <summary>The error results of contract §2.2, with their exact texts.</summary>
internal static class ApiErrors
{
    public static IResult Error(int status, string error, string message) =>
        TypedResults.Json(new ErrorBody(error, message), statusCode: status);

    public static IResult MalformedBody() => Error(StatusCodes.Status400BadRequest, "Bad Request", "Malformed body");

    public static IResult BodyTooLarge() => Error(StatusCodes.Status413PayloadTooLarge, "Payload Too Large", "Request body is too large");

    public static IResult PathNotFound() => Error(StatusCodes.Status404NotFound, "Path Not Found", "API path not implemented");

    public static IResult Validation(IReadOnlyList<FieldError> details) =>
        TypedResults.Json(new ErrorBody("Unprocessable Entity", "Invalid request", details), statusCode: StatusCodes.Status422UnprocessableEntity);

    public static IResult Validation(string field, string message) => Validation([new FieldError(field, message)]);

    public static IResult Unauthorized(string message = "Unauthorized") => Error(StatusCodes.Status401Unauthorized, "Authentication Error", message);

    public static IResult Forbidden(string message = "Insufficient permissions to access this resource") =>
        Error(StatusCodes.Status403Forbidden, "Authorization Error", message);

    public static IResult RoomNotFound(string roomId) => Error(StatusCodes.Status404NotFound, "Room Error", F("Room '{0}' does not exist", roomId));

    public static IResult RoomHasActiveMeeting(string roomId) =>
        Error(StatusCodes.Status409Conflict, "Room Error", F("Room '{0}' has an active meeting", roomId));

    public static IResult Internal(string operation) =>
        Error(StatusCodes.Status500InternalServerError, "Internal Server Error", "Unexpected error while " + operation);

    public static string F(string template, params object[] args) => string.Format(CultureInfo.InvariantCulture, template, args);
}
