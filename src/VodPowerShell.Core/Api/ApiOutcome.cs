using VodPowerShell.Core.Errors;

namespace VodPowerShell.Core.Api
{
    /// <summary>
    /// The service's answer to one call, whatever the API version: a value on success, a <see cref="VodError"/>
    /// otherwise, with the envelope facts a report shows (code, message, codeDesc, request id, HTTP status).
    /// </summary>
    public sealed class ApiOutcome<T>
    {
        private ApiOutcome(T? value, VodError? error, int? code, string? message, string? codeDesc, string? requestId, int? httpStatus)
        {
            Value = value;
            Error = error;
            Code = code;
            Message = message;
            CodeDesc = codeDesc;
            RequestId = requestId;
            HttpStatus = httpStatus;
        }

        public T? Value { get; }

        public VodError? Error { get; }

        public bool IsSuccess => Error is null;

        public int? Code { get; }

        public string? Message { get; }

        public string? CodeDesc { get; }

        /// <summary>API 3.0's RequestId; v2 has none.</summary>
        public string? RequestId { get; }

        public int? HttpStatus { get; }

        public static ApiOutcome<T> Success(T value, int code = 0, string? message = "", string? codeDesc = null, string? requestId = null, int? httpStatus = 200) =>
            new ApiOutcome<T>(value, null, code, message, codeDesc, requestId, httpStatus);

        public static ApiOutcome<T> Failure(VodError error, string? requestId = null) =>
            new ApiOutcome<T>(default, error, error.Code, error.Message, error.CodeDesc, requestId, error.HttpStatus);
    }
}
