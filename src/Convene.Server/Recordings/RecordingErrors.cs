using Convene.Server.Http;

namespace Convene.Server.Recordings;

/// <summary>The recording rows of contract §2.2, with their exact texts.</summary>
internal static class RecordingErrors
{
    private const string Name = "Recording Error";

    public static IResult Disabled(string roomId) => ApiErrors.Error(403, Name, ApiErrors.F("Recording is disabled for room '{0}'", roomId));

    public static IResult NotFound(string id) => ApiErrors.Error(404, Name, ApiErrors.F("Recording '{0}' not found", id));

    public static IResult NotStopped(string id) => ApiErrors.Error(409, Name, NotStoppedMessage(id));

    public static string NotStoppedMessage(string id) => ApiErrors.F("Recording '{0}' is not stopped yet", id);

    public static IResult AlreadyStopped(string id) => ApiErrors.Error(409, Name, ApiErrors.F("Recording '{0}' is already stopped", id));

    public static IResult StoppingWhileStarting(string id) => ApiErrors.Error(409, Name, ApiErrors.F("Recording '{0}' cannot be stopped while starting", id));

    public static IResult AlreadyRecording(string roomId) => ApiErrors.Error(409, Name, ApiErrors.F("Room '{0}' is already being recorded", roomId));

    public static IResult NoParticipants(string roomId) => ApiErrors.Error(409, Name, ApiErrors.F("Room '{0}' has no participants", roomId));

    public static IResult StartTimedOut(string roomId) => ApiErrors.Error(503, Name, ApiErrors.F("Recording in room '{0}' timed out while starting", roomId));

    public static IResult RecorderUnavailable(string path) =>
        ApiErrors.Error(503, Name, ApiErrors.F("Recording is not available: ffmpeg ('{0}') was not found on this server", path));

    public static IResult RangeNotSatisfiable(string id, long size) =>
        ApiErrors.Error(416, Name, ApiErrors.F("Recording '{0}' range not satisfiable. File size: {1}", id, size));

    public static IResult SecretNotRecognized(string secret, string id) =>
        ApiErrors.Error(400, Name, ApiErrors.F("Secret '{0}' is not recognized for recording '{1}'", secret, id));

    public static IResult NoneInRoom(string roomId) =>
        ApiErrors.Error(400, Name, ApiErrors.F("None of the provided recording IDs belong to room '{0}'", roomId));
}
