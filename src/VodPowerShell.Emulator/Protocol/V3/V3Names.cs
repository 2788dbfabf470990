namespace VodPowerShell.Emulator.Protocol.V3
{
    /// <summary>Header, action and field names of API 3.0 (docs/protocol.md §1.3, §5.6–5.10), written here independently of the client's.</summary>
    public static class V3Names
    {
        /// <summary>API 3.0 is served at the root of the host: a JSON POST, a GET with the fields in the query, or a form POST.</summary>
        public const string Path = "/";

        /// <summary>How the ledger names this front end.</summary>
        public const string LedgerApi = "v3";

        public const string JsonContentType = "application/json";
        public const string FormContentType = "application/x-www-form-urlencoded";

        public const string Version = "2018-07-17";
        public const string Algorithm = "TC3-HMAC-SHA256";
        public const string ScopeTerminator = "tc3_request";

        public const string ActionHeader = "X-TC-Action";
        public const string TimestampHeader = "X-TC-Timestamp";
        public const string VersionHeader = "X-TC-Version";
        public const string TokenHeader = "X-TC-Token";
        public const string AuthorizationHeader = "Authorization";

        // Signature v1 carries the same facts as parameters (docs/protocol.md, API 3.0).
        public const string ActionParameter = "Action";
        public const string VersionParameter = "Version";
        public const string TimestampParameter = "Timestamp";
        public const string NonceParameter = "Nonce";
        public const string SecretIdParameter = "SecretId";
        public const string SignatureParameter = "Signature";
        public const string SignatureMethodParameter = "SignatureMethod";
        public const string TokenParameter = "Token";

        public const string ProcessMedia = "ProcessMedia";
        public const string DescribeTaskDetail = "DescribeTaskDetail";
        public const string DescribeTasks = "DescribeTasks";
        public const string PullEvents = "PullEvents";
        public const string ConfirmEvents = "ConfirmEvents";
        public const string SearchMedia = "SearchMedia";
        public const string DescribeMediaInfos = "DescribeMediaInfos";
        public const string DescribeImageSpriteTemplates = "DescribeImageSpriteTemplates";
        public const string CreateImageSpriteTemplate = "CreateImageSpriteTemplate";
        public const string ModifyImageSpriteTemplate = "ModifyImageSpriteTemplate";
        public const string DeleteImageSpriteTemplate = "DeleteImageSpriteTemplate";

        public const string FileId = "FileId";
        public const string TaskId = "TaskId";
        public const string SessionId = "SessionId";
        public const string Definition = "Definition";
        public const string MediaProcessTask = "MediaProcessTask";
        public const string ImageSpriteTaskSet = "ImageSpriteTaskSet";
        public const string Status = "Status";
        public const string Limit = "Limit";
        public const string ScrollToken = "ScrollToken";
        public const string EventHandles = "EventHandles";
    }
}
