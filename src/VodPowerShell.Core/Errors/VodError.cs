namespace VodPowerShell.Core.Errors
{
    /// <summary>
    /// Everything a caller needs to report one failure: the stable ErrorId, category, whether retrying may help,
    /// and the service's own code, codeDesc and message or the HTTP status when there is one.
    /// </summary>
    public sealed class VodError
    {
        public VodError(string errorId, VodErrorCategory category, string message, RetryPolicy retry,
            int? code = null, string? codeDesc = null, int? httpStatus = null, bool isAmbiguous = false, bool wasAccepted = false,
            VodErrorKind kind = VodErrorKind.ServiceCall, string? recommendedAction = null)
        {
            Kind = kind;
            RecommendedAction = recommendedAction ?? DefaultAction(retry, isAmbiguous || wasAccepted);
            IsAmbiguous = isAmbiguous || wasAccepted;
            WasAccepted = wasAccepted;
            ErrorId = errorId;
            Category = category;
            Message = message;
            Retry = retry;
            Code = code;
            CodeDesc = codeDesc;
            HttpStatus = httpStatus;
        }

        public string ErrorId { get; }

        /// <summary>A failed call (its codes are the service's) or a task that failed after its call succeeded (media-processing codes).</summary>
        public VodErrorKind Kind { get; }

        /// <summary>What the user should do next; every error has one, shown as the ErrorRecord's RecommendedAction.</summary>
        public string RecommendedAction { get; }

        public VodErrorCategory Category { get; }

        public string Message { get; }

        public RetryPolicy Retry { get; }

        public bool IsRetryable => Retry != RetryPolicy.Never;

        /// <summary>
        /// True when the request may have reached the service and been acted on although no answer was read
        /// (a timeout or a broken connection): resending a non-idempotent call could duplicate its effect.
        /// </summary>
        public bool IsAmbiguous { get; }

        /// <summary>
        /// True when the service says an earlier copy of this very request was accepted (a repeated idempotency
        /// key): its effect exists, so the caller looks it up and never sends the request again.
        /// </summary>
        public bool WasAccepted { get; }

        public int? Code { get; }

        public string? CodeDesc { get; }

        public int? HttpStatus { get; }

        public static VodError FromServiceCode(int code, string? message, string? codeDesc)
        {
            var info = ErrorCodeCatalog.Lookup(code);
            string text = string.IsNullOrEmpty(message) ? info.Description : $"{message} ({info.Description})";
            return new VodError(info.ErrorId, info.Category, $"Service error {code}: {text}", info.Retry, code, codeDesc);
        }

        /// <summary>
        /// v2's 4500 when the service's clock confirms our timestamp: the Nonce was already spent, so an earlier
        /// copy of this very request reached the service (an HTTP stack may resend one by itself after a dropped
        /// keep-alive connection; docs/protocol.md). Ambiguous: a create is looked up, never re-signed and resent
        /// blindly; a read is sent again with a fresh nonce.
        /// </summary>
        public static VodError NonceReplayed(int code, string? message, string? codeDesc) =>
            new VodError("RequestReplayed", VodErrorCategory.InvalidResult,
                $"Service error {code}: {message} (the Nonce was already used: an earlier copy of this request reached the service).",
                RetryPolicy.Bounded, code, codeDesc, isAmbiguous: true);

        private static string DefaultAction(RetryPolicy retry, bool ambiguous) =>
            ambiguous ? "The request may have been processed: check the file's tasks (Get-VodTask -Status Finish -FileId …) before sending it again, or rerun with the same -JournalPath."
            : retry != RetryPolicy.Never ? "The service may accept the request later; run the command again for this input."
            : "Correct the input, credential or account setting named in the message, then run the command again.";

        public override string ToString() => $"{ErrorId}: {Message}";
    }
}
