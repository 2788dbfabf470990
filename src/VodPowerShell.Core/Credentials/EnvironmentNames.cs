using System;

namespace VodPowerShell.Core.Credentials
{
    /// <summary>The environment variables Tencent's own tools read (docs/protocol.md §12.1), and the one of our own.</summary>
    public static class EnvironmentNames
    {
        public const string SecretId = "TENCENTCLOUD_SECRET_ID";
        public const string SecretKey = "TENCENTCLOUD_SECRET_KEY";

        /// <summary>tccli's name; read first.</summary>
        public const string Token = "TENCENTCLOUD_TOKEN";

        /// <summary>Terraform's name; read when <see cref="Token"/> is not set.</summary>
        public const string SecurityToken = "TENCENTCLOUD_SECURITY_TOKEN";

        public const string Region = "TENCENTCLOUD_REGION";

        /// <summary>The Go SDK's override of <c>~/.tencentcloud/credentials</c>.</summary>
        public const string CredentialsFile = "TENCENTCLOUD_CREDENTIALS_FILE";

        /// <summary>Which <c>~/.tccli/&lt;profile&gt;.credential</c> tccli reads; <c>default</c> when unset.</summary>
        public const string TccliProfile = "TCCLI_PROFILE";

        /// <summary>Ours: moves the <see cref="ProfileStore"/> file, for tests and for users with several stores.</summary>
        public const string ProfileStorePath = "VODPOWERSHELL_PROFILE_PATH";

        public const string XdgConfigHome = "XDG_CONFIG_HOME";

        public const string AppData = "APPDATA";

        public const string Home = "HOME";

        /// <summary>The variable's value without surrounding whitespace, or null when it is unset or blank.</summary>
        internal static string? ReadTrimmed(this Func<string, string?> readEnvironment, string name) =>
            readEnvironment(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
    }
}
