namespace VodPowerShell.Core.Errors
{
    /// <summary>
    /// Everything a caller needs to report one failure: the stable ErrorId, category, whether retrying may help,
    /// and the service's own code, codeDesc and message or the HTTP status when there is one.
    /// </summary>
    public sealed class VodError
    {
        public VodError(string errorId, VodErrorCategory category, string message, bool isRetryable,
            int? code = null, string? codeDesc = null, int? httpStatus = null)
        {
            ErrorId = errorId;
            Category = category;
            Message = message;
            IsRetryable = isRetryable;
            Code = code;
            CodeDesc = codeDesc;
            HttpStatus = httpStatus;
        }

        public string ErrorId { get; }

        public VodErrorCategory Category { get; }

        public string Message { get; }

        public bool IsRetryable { get; }

        public int? Code { get; }

        public string? CodeDesc { get; }

        public int? HttpStatus { get; }

        public static VodError FromServiceCode(int code, string? message, string? codeDesc)
        {
            var info = ErrorCodeCatalog.Lookup(code);
            string text = string.IsNullOrEmpty(message) ? info.Description : $"{message} ({info.Description})";
            return new VodError(info.ErrorId, info.Category, $"Service error {code}: {text}", info.IsRetryable, code, codeDesc);
        }

        public override string ToString() => $"{ErrorId}: {Message}";
    }
}
