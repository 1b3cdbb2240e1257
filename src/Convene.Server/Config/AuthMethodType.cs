namespace Convene.Server.Config;

/// <summary>How console users authenticate; Convene has a single admin user (contract §4.2).</summary>
internal enum AuthMethodType
{
    SingleUser,
}
