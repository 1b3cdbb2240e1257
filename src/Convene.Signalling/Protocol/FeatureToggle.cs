namespace Convene.Signalling.Protocol;

internal sealed record FeatureToggle(bool Enabled);
