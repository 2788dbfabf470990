namespace VodPowerShell.Core.Credentials
{
    /// <summary>The names <see cref="CredentialResolver"/> reports as a profile's source.</summary>
    public static class CredentialSources
    {
        public const string Parameter = "Parameter";
        public const string Session = "Session";
        public const string Environment = "Environment";
    }
}
