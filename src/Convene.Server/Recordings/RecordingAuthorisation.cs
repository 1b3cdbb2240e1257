using Convene.Domain.Recordings;
using RecordingEntity = Convene.Domain.Recordings.Recording;
using Convene.Domain.Users;
using Convene.Server.Auth;
using Convene.Server.Http;

namespace Convene.Server.Recordings;

/// <summary>Who may see or delete which recording (contract §3.10–3.16, §4.4–4.5).</summary>
internal static class RecordingAuthorisation
{
    public const AuthSchemes KeyAdminOrMember = AuthSchemes.ApiKey | AuthSchemes.AccessToken | AuthSchemes.RoomMemberToken;

    /// <summary>API key, admin access token or room member token (§4.1 order).</summary>
    public static Task<(Caller? Caller, IResult Error)> AuthenticateAsync(HttpContext http) =>
        AuthFilter.AuthenticateAsync(http, KeyAdminOrMember, [UserRole.Admin]);

    public static bool CanRetrieve(Caller caller, string roomId) =>
        caller.Member is not { } m || (m.RoomId == roomId && m.Permissions.CanRetrieveRecordings);

    public static bool CanDelete(Caller caller, string roomId) =>
        caller.Member is not { } m || (m.RoomId == roomId && m.Permissions.CanDeleteRecordings);

    /// <summary>Validates a path id; the error is the contract's 422.</summary>
    public static bool TryParseId(string? raw, string field, out string recordingId, out string roomId, out IResult? error)
    {
        if (RecordingIds.TryParse(raw, out recordingId, out roomId, out _))
        {
            error = null;
            return true;
        }

        error = ApiErrors.Validation(field, RecordingIds.FormatError);
        return false;
    }

    /// <summary>
    /// A path-id action by K, A or M (delete, share URL): the id is checked (422), the caller authenticated (401), the
    /// recording found (404) and <paramref name="allowed"/> asked about its room (403), in that order.
    /// </summary>
    public static async Task<(string RecordingId, RecordingEntity? Recording, IResult? Error)> AuthoriseAsync(
        HttpContext http, string? rawId, IRecordingRepository repository, Func<Caller, string, bool> allowed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(allowed);
        if (!TryParseId(rawId, "recordingId", out var id, out _, out var invalid))
        {
            return (id, null, invalid);
        }

        var (caller, authError) = await AuthenticateAsync(http);
        if (caller is null)
        {
            return (id, null, authError);
        }

        var recording = await repository.FindAsync(id, cancellationToken);
        if (recording is null)
        {
            return (id, null, RecordingErrors.NotFound(id));
        }

        return allowed(caller, recording.RoomId) ? (id, recording, null) : (id, null, ApiErrors.Forbidden());
    }

    /// <summary>
    /// §3.13 read access: with <c>?secret=</c> the public secret admits anyone, the private one a logged-in user,
    /// anything else is 400 (404 when the recording does not exist); without it K, A or M of the same room with
    /// <c>canRetrieveRecordings</c>.
    /// </summary>
    public static async Task<(RecordingEntity? Recording, IResult? Error)> AuthoriseReadAsync(HttpContext http, string recordingId, IRecordingRepository repository, CancellationToken cancellationToken)
    {
        var secret = http.Request.Query["secret"].ToString();
        if (secret.Length > 0)
        {
            var shared = await repository.FindAsync(recordingId, cancellationToken);
            if (shared is null)
            {
                return (null, RecordingErrors.NotFound(recordingId));
            }

            if (FixedEquals(secret, shared.PublicSecret))
            {
                return (shared, null);
            }

            if (FixedEquals(secret, shared.PrivateSecret))
            {
                var (user, error) = await AuthFilter.AuthenticateAsync(http, AuthSchemes.AccessToken, [UserRole.User, UserRole.Admin]);
                return user is null ? (null, error) : (shared, null);
            }

            return (null, RecordingErrors.SecretNotRecognized(secret, recordingId));
        }

        var (caller, authError) = await AuthenticateAsync(http);
        if (caller is null)
        {
            return (null, authError);
        }

        var recording = await repository.FindAsync(recordingId, cancellationToken);
        if (recording is null)
        {
            return (null, RecordingErrors.NotFound(recordingId));
        }

        return CanRetrieve(caller, recording.RoomId) ? (recording, null) : (null, ApiErrors.Forbidden());
    }

    private static bool FixedEquals(string a, string b) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(a), System.Text.Encoding.UTF8.GetBytes(b));
}
