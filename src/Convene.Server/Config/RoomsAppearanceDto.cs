namespace Convene.Server.Config;

/// <summary>Body of <c>GET/PUT /internal-api/v1/config/rooms/appearance</c>: <c>{"appearance":{"themes":[…]}}</c>.</summary>
internal sealed record RoomsAppearanceDto(AppearanceConfig Appearance);
