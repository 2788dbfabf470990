namespace VodPowerShell.Core.Errors
{
    /// <summary>What one service error code means to a client: a stable ErrorId, a category and a retry rule.</summary>
    public sealed class ErrorCodeInfo
    {
        public ErrorCodeInfo(int code, string errorId, VodErrorCategory category, RetryPolicy retry, string description)
        {
            Code = code;
            ErrorId = errorId;
            Category = category;
            Retry = retry;
            Description = description;
        }

        public int Code { get; }

        /// <summary>Stable identifier, used as the ErrorRecord's ErrorId; never changes once released.</summary>
        public string ErrorId { get; }

        public VodErrorCategory Category { get; }

        public RetryPolicy Retry { get; }

        public string Description { get; }

        public bool IsRetryable => Retry != RetryPolicy.Never;
    }
}
