namespace VodPowerShell.Core.Protocol.V3
{
    /// <summary>API 3.0 header names, the VOD version and service, and the actions and fields we use (docs/protocol.md §1.3, §5.6–5.10).</summary>
    public static class V3WireNames
    {
        public const string Service = "vod";
        public const string Version = "2018-07-17";

        public const string ActionHeader = "X-TC-Action";
        public const string TimestampHeader = "X-TC-Timestamp";
        public const string VersionHeader = "X-TC-Version";
        public const string RegionHeader = "X-TC-Region";
        public const string TokenHeader = "X-TC-Token";
        public const string AuthorizationHeader = "Authorization";

        public const string ProcessMedia = "ProcessMedia";
        public const string DescribeTaskDetail = "DescribeTaskDetail";
        public const string DescribeTasks = "DescribeTasks";
        public const string PullEvents = "PullEvents";
        public const string ConfirmEvents = "ConfirmEvents";

        public const string Response = "Response";
        public const string RequestId = "RequestId";
        public const string Error = "Error";
        public const string SubAppId = "SubAppId";
        public const string FileId = "FileId";
        public const string TaskId = "TaskId";
        public const string SessionId = "SessionId";
    }
}
