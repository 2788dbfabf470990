namespace VodPowerShell.Commands
{
    /// <summary>Where Set-VodCredential keeps a credential.</summary>
    public enum CredentialScope
    {
        /// <summary>This runspace only, until it closes or Remove-VodCredential.</summary>
        Session,

        /// <summary>The per-user profile store (owner-only file; DPAPI on Windows), under -ProfileName.</summary>
        Persist,
    }
}
