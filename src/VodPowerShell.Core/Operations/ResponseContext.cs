namespace VodPowerShell.Core.Operations
{
    /// <summary>Where an answer came from, for the models that report it (Endpoint, SubAppId, RequestId, HTTP status).</summary>
    public sealed class ResponseContext
    {
        public ResponseContext(string endpoint, ulong? subAppId, string? requestId = null, int httpStatus = 200)
        {
            Endpoint = endpoint;
            SubAppId = subAppId;
            RequestId = requestId;
            HttpStatus = httpStatus;
        }

        public string Endpoint { get; }

        public ulong? SubAppId { get; }

        /// <summary>API 3.0's request id; v2 has none.</summary>
        public string? RequestId { get; }

        public int HttpStatus { get; }
    }
}
