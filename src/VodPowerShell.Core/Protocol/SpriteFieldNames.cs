namespace VodPowerShell.Core.Protocol
{
    /// <summary>What each API version calls the fields of a sprite outcome (docs/protocol.md §9.2 and §9.3).</summary>
    internal sealed class SpriteFieldNames
    {
        public static readonly SpriteFieldNames V2 = new SpriteFieldNames("status", "message", "vodTaskId", "fileId", "definition", "totalCount", "imageSpriteUrl", "webVttUrl");

        public static readonly SpriteFieldNames V3 = new SpriteFieldNames("ErrCode", "Message", "TaskId", "FileId", "Definition", "TotalCount", "ImageSpriteUrlSet", "WebVttUrl");

        private SpriteFieldNames(string errorCode, string message, string taskId, string fileId, string definition, string totalCount, string imageSpriteUrls, string webVttUrl)
        {
            ErrorCode = errorCode;
            Message = message;
            TaskId = taskId;
            FileId = fileId;
            Definition = definition;
            TotalCount = totalCount;
            ImageSpriteUrls = imageSpriteUrls;
            WebVttUrl = webVttUrl;
        }

        public string ErrorCode { get; }

        public string Message { get; }

        public string TaskId { get; }

        public string FileId { get; }

        public string Definition { get; }

        public string TotalCount { get; }

        public string ImageSpriteUrls { get; }

        public string WebVttUrl { get; }
    }
}
