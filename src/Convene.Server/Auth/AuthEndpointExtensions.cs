using Convene.Domain.Users;

namespace Convene.Server.Auth;

internal static class AuthEndpointExtensions
{
    /// <summary>Requires one of <paramref name="schemes"/>; access tokens must belong to a user with one of <paramref name="roles"/>.</summary>
    public static TBuilder RequireCaller<TBuilder>(this TBuilder builder, AuthSchemes schemes, params UserRole[] roles)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilter(new AuthFilter(schemes, roles));
        return builder;
    }
}
