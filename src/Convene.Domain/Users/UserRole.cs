namespace Convene.Domain.Users;

/// <summary>Console user roles (contract §4.2). API keys act as the pseudo-user <c>api-user</c> with role <c>app</c>.</summary>
public enum UserRole
{
    Admin,
    User,
    App,
}
