namespace VodPowerShell.Core.Protocol
{
    /// <summary>Names of the v2 common parameters (reference §1.2) and the action parameters we send.</summary>
    public static class WireNames
    {
        public const string Action = "Action";
        public const string Region = "Region";
        public const string Timestamp = "Timestamp";
        public const string Nonce = "Nonce";
        public const string SecretId = "SecretId";
        public const string Signature = "Signature";
        public const string SignatureMethod = "SignatureMethod";
        public const string Token = "Token";

        public const string FileId = "fileId";
        public const string Definition = "definition";
        public const string VodTaskId = "vodTaskId";

        public const string IndexPath = "/v2/index.php";
    }
}
