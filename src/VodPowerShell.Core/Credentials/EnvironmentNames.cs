namespace VodPowerShell.Core.Credentials
{
    /// <summary>The environment variables Tencent's own tools read (reference §8.1).</summary>
    public static class EnvironmentNames
    {
        public const string SecretId = "TENCENTCLOUD_SECRET_ID";
        public const string SecretKey = "TENCENTCLOUD_SECRET_KEY";

        /// <summary>tccli's name; read first.</summary>
        public const string Token = "TENCENTCLOUD_TOKEN";

        /// <summary>Terraform's name; read when <see cref="Token"/> is not set.</summary>
        public const string SecurityToken = "TENCENTCLOUD_SECURITY_TOKEN";

        public const string Region = "TENCENTCLOUD_REGION";
    }
}
