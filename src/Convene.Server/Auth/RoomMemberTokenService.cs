using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using Convene.Domain.Members;
using Convene.Server.Http;
using Microsoft.Extensions.Options;

namespace Convene.Server.Auth;

/// <summary>
/// Issues and validates room member tokens (contract §4.3): <c>video</c> grant (<c>roomJoin</c>, <c>room</c>, publish
/// flags), <c>metadata</c> (a JSON string with role and permissions), and — with join permission — <c>name</c> and
/// <c>sub</c>/<c>jti</c> = participant identity. The signalling WebSocket endpoint validates its <c>join</c> token
/// with <see cref="TryValidate(string, out RoomMember)"/>.
/// </summary>
internal sealed class RoomMemberTokenService(TokenSigner signer, IOptions<ConveneOptions> options)
{
    /// <summary>The WebSocket endpoint of docs/protocol.md, advertised as <c>livekitUrl</c> in token metadata.</summary>
    public const string SignallingPath = "/ws/v1/rtc";

    public string Issue(string roomId, MeetingRole role, RoomMemberPermissions permissions, string baseUrl, string? participantIdentity, string? participantName)
    {
        ArgumentNullException.ThrowIfNull(permissions);
        var join = participantIdentity is not null;
        var mediaUrl = (baseUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? "wss://" + baseUrl[8..] : "ws://" + baseUrl[(baseUrl.IndexOf("://", StringComparison.Ordinal) + 3)..]) + SignallingPath;
        var metadata = new JsonObject
        {
            ["livekitUrl"] = mediaUrl,
            ["role"] = WireNames.Of(role),
            ["permissions"] = new JsonObject
            {
                ["canRecord"] = permissions.CanRecord,
                ["canRetrieveRecordings"] = permissions.CanRetrieveRecordings,
                ["canDeleteRecordings"] = permissions.CanDeleteRecordings,
                ["canChat"] = permissions.CanChat,
                ["canChangeVirtualBackground"] = permissions.CanChangeVirtualBackground,
            },
        };
        var claims = new JsonObject
        {
            ["video"] = VideoGrant(roomId, join),
            ["metadata"] = metadata.ToJsonString(),
        };
        if (join)
        {
            claims["sub"] = participantIdentity;
            claims["jti"] = participantIdentity;
            claims["name"] = participantName;
        }

        return signer.Sign(claims, TokenType.RoomMember, options.Value.RoomMemberTokenLifetime);
    }

    /// <summary>The LiveKit-style grant object shared by tokens and the roles endpoint.</summary>
    public static JsonObject VideoGrant(string roomId, bool roomJoin) => new()
    {
        ["roomJoin"] = roomJoin,
        ["room"] = roomId,
        ["canPublish"] = true,
        ["canSubscribe"] = true,
        ["canPublishData"] = true,
        ["canUpdateOwnMetadata"] = true,
    };

    /// <summary>Validates a room member token; <paramref name="member"/> is set only when it is valid.</summary>
    public bool TryValidate(string token, [NotNullWhen(true)] out RoomMember? member) => Validate(token, out member) == RoomMemberTokenValidation.Valid;

    /// <summary>Validates a room member token and says why it was refused.</summary>
    public RoomMemberTokenValidation Validate(string? token, out RoomMember? member)
    {
        member = null;
        if (!signer.TryVerify(token, TokenType.RoomMember, out var claims))
        {
            return RoomMemberTokenValidation.InvalidToken;
        }

        if (!claims.TryGetProperty("video", out var video) || video.ValueKind != JsonValueKind.Object ||
            !claims.TryGetProperty("metadata", out var metadataText) || metadataText.ValueKind != JsonValueKind.String)
        {
            return RoomMemberTokenValidation.InvalidToken;
        }

        try
        {
            using var metadataDocument = JsonDocument.Parse(metadataText.GetString()!);
            var metadata = metadataDocument.RootElement;
            if (!video.TryGetProperty("room", out var room) || room.ValueKind != JsonValueKind.String ||
                !video.TryGetProperty("roomJoin", out var roomJoin) || roomJoin.ValueKind is not (JsonValueKind.True or JsonValueKind.False) ||
                metadata.ValueKind != JsonValueKind.Object ||
                !metadata.TryGetProperty("role", out var roleText) || roleText.ValueKind != JsonValueKind.String ||
                !WireNames.TryParse<MeetingRole>(roleText.GetString()!, out var role) ||
                !metadata.TryGetProperty("permissions", out var permissions) || permissions.ValueKind != JsonValueKind.Object)
            {
                return RoomMemberTokenValidation.InvalidMetadata;
            }

            var canJoin = roomJoin.GetBoolean();
            string? identity = null;
            string? name = null;
            if (canJoin)
            {
                if (!claims.TryGetProperty("sub", out var sub) || sub.ValueKind != JsonValueKind.String ||
                    !claims.TryGetProperty("name", out var nameClaim) || nameClaim.ValueKind != JsonValueKind.String)
                {
                    return RoomMemberTokenValidation.InvalidMetadata;
                }

                identity = sub.GetString();
                name = nameClaim.GetString();
            }

            member = new RoomMember(
                room.GetString()!,
                role,
                new RoomMemberPermissions(
                    Flag(permissions, "canRecord"),
                    Flag(permissions, "canRetrieveRecordings"),
                    Flag(permissions, "canDeleteRecordings"),
                    Flag(permissions, "canChat"),
                    Flag(permissions, "canChangeVirtualBackground")),
                canJoin,
                identity,
                name);
            return RoomMemberTokenValidation.Valid;
        }
        catch (JsonException)
        {
            return RoomMemberTokenValidation.InvalidMetadata;
        }
    }

    private static bool Flag(JsonElement permissions, string name) =>
        permissions.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;
}
