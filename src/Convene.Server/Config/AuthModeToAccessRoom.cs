namespace Convene.Server.Config;

/// <summary>Who must be logged in to get a room member token (contract §4.3, §7.3).</summary>
internal enum AuthModeToAccessRoom
{
    /// <summary>Anyone with a room link.</summary>
    None,

    /// <summary>Moderators must be logged-in users; speakers may be anonymous.</summary>
    ModeratorsOnly,

    /// <summary>Everybody must be a logged-in user.</summary>
    AllUsers,
}
