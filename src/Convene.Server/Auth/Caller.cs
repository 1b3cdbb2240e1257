using Convene.Domain.Members;
using Convene.Domain.Users;

namespace Convene.Server.Auth;

/// <summary>The authenticated caller of a request, set by <see cref="AuthFilter"/>.</summary>
internal sealed record Caller(CallerKind Kind, string Username, IReadOnlyList<UserRole> Roles, RoomMember? Member)
{
    private const string ItemKey = "convene.caller";

    public static Caller ApiUser { get; } = new(CallerKind.ApiKey, "api-user", [UserRole.App], null);

    public static Caller? Of(HttpContext context) => context.Items.TryGetValue(ItemKey, out var value) ? value as Caller : null;

    public void AttachTo(HttpContext context) => context.Items[ItemKey] = this;
}
