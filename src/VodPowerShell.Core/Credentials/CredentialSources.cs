namespace VodPowerShell.Core.Credentials
{
    /// <summary>The names <see cref="CredentialResolver"/> reports as a profile's source.</summary>
    public static class CredentialSources
    {
        public const string Parameter = "Parameter";
        public const string Session = "Session";
        public const string Environment = "Environment";

        /// <summary>A profile of the <see cref="ProfileStore"/>: <c>Profile:&lt;name&gt;</c>.</summary>
        public static string Profile(string name) => "Profile:" + name;

        /// <summary>One of Tencent's shared files: <c>SharedFile:~/.tencentcloud/credentials</c>.</summary>
        public static string SharedFile(string displayPath) => "SharedFile:" + displayPath;
    }
}
