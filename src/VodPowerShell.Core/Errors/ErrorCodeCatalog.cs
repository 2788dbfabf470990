using System.Collections.Generic;
using static VodPowerShell.Core.Errors.RetryPolicy;
using static VodPowerShell.Core.Errors.VodErrorCategory;

namespace VodPowerShell.Core.Errors
{
    /// <summary>
    /// The one place that classifies service codes (docs/protocol.md §7.1, §7.2). Undocumented codes
    /// are classified by their range, as §7.1 describes.
    /// </summary>
    public static class ErrorCodeCatalog
    {
        private static readonly Dictionary<int, ErrorCodeInfo> Known = Build(
            // Common 2.0 codes.
            new ErrorCodeInfo(4000, "InvalidParameter", InvalidArgument, Never, "A required parameter is missing or badly formatted."),
            new ErrorCodeInfo(4100, "AuthenticationFailed", AuthenticationError, Never, "Authentication failed, usually a wrong signature or SecretKey."),
            new ErrorCodeInfo(4101, "ApiNotPermitted", PermissionDenied, Never, "The sub-account has no permission for this API."),
            new ErrorCodeInfo(4102, "ResourceNotPermitted", PermissionDenied, Never, "The sub-account has no permission for this resource."),
            new ErrorCodeInfo(4103, "ResourceNotPermitted", PermissionDenied, Never, "No permission for the resource this API operates on."),
            new ErrorCodeInfo(4104, "SecretIdNotFound", AuthenticationError, Never, "The SecretId does not exist or is disabled."),
            new ErrorCodeInfo(4105, "TokenInvalid", AuthenticationError, Never, "The session token is wrong or expired; read the temporary credentials again."),
            new ErrorCodeInfo(4106, "MfaCheckFailed", AuthenticationError, Never, "MFA verification failed."),
            new ErrorCodeInfo(4110, "AuthorizationFailed", PermissionDenied, Never, "CAM authorization failed."),
            new ErrorCodeInfo(4200, "RequestExpired", AuthenticationError, ResignOnce, "The request expired; it is signed again with a fresh timestamp."),
            new ErrorCodeInfo(4300, "AccessDenied", PermissionDenied, Never, "Access denied: the account is banned or not served by this API."),
            new ErrorCodeInfo(4400, "QuotaExceeded", QuotaExceeded, Backoff, "Too many requests for the account's quota."),
            new ErrorCodeInfo(4500, "ReplayRejected", AuthenticationError, ResignOnce, "Nonce repeated or Timestamp outside the allowed window (check the clock)."),
            new ErrorCodeInfo(4600, "HttpsRequired", SecurityError, Never, "Protocol not supported: HTTPS only."),
            new ErrorCodeInfo(5000, "ResourceNotFound", ObjectNotFound, Never, "The resource does not exist."),
            new ErrorCodeInfo(5100, "ResourceOperationFailed", ResourceUnavailable, Bounded, "The resource operation failed; retry later."),
            new ErrorCodeInfo(5200, "PurchaseFailed", InvalidOperation, Never, "Purchase failed."),
            new ErrorCodeInfo(5300, "InsufficientBalance", QuotaExceeded, Never, "Insufficient account balance."),
            new ErrorCodeInfo(5400, "PartialSuccess", InvalidResult, Never, "The batch partly succeeded."),
            new ErrorCodeInfo(5500, "QualificationFailed", PermissionDenied, Never, "User qualification check failed."),
            new ErrorCodeInfo(6000, "InternalServerError", ResourceUnavailable, Bounded, "Internal server error; retry later."),
            new ErrorCodeInfo(6100, "ApiVersionNotSupported", InvalidOperation, Never, "This API version does not support the action; check the endpoint host."),
            new ErrorCodeInfo(6200, "ServiceUnavailable", ResourceUnavailable, Bounded, "The API is temporarily unavailable (maintenance); retry later."),

            // CreateImageSprite, GetTaskInfo, PullEvent and ConfirmEvent codes.
            new ErrorCodeInfo(1, "InternalError", ResourceUnavailable, Bounded, "Internal error."),
            new ErrorCodeInfo(1000, "InvalidArgument", InvalidArgument, Never, "Invalid parameter, for example an unknown fileId or definition."),
            new ErrorCodeInfo(1001, "InternalError", ResourceUnavailable, Bounded, "Internal error."),
            new ErrorCodeInfo(1108, "InternalError", ResourceUnavailable, Bounded, "Internal error."),
            new ErrorCodeInfo(1152, "InternalError", ResourceUnavailable, Bounded, "Internal error."),
            new ErrorCodeInfo(1801, "InternalError", ResourceUnavailable, Bounded, "Internal error."),
            new ErrorCodeInfo(1802, "InternalError", ResourceUnavailable, Bounded, "Internal error."),
            new ErrorCodeInfo(2000, "InternalError", ResourceUnavailable, Bounded, "Internal error."),
            new ErrorCodeInfo(2001, "InternalError", ResourceUnavailable, Bounded, "Internal error."),
            new ErrorCodeInfo(10009, "UnexpectedFileStatus", InvalidOperation, Never, "The file is not in a state that can be processed."),
            new ErrorCodeInfo(10010, "InternalError", ResourceUnavailable, Bounded, "Internal error."),
            new ErrorCodeInfo(10012, "InternalError", ResourceUnavailable, Bounded, "Internal error."),
            new ErrorCodeInfo(10027, "InternalError", ResourceUnavailable, Bounded, "Internal error."),
            new ErrorCodeInfo(70014, "TaskNotFound", ObjectNotFound, Never, "The task does not exist (or is older than 72 hours)."));

        /// <summary>Every documented code, for tests and for the error-id table in the help.</summary>
        public static IEnumerable<ErrorCodeInfo> All => Known.Values;

        public static ErrorCodeInfo Lookup(int code)
        {
            if (Known.TryGetValue(code, out var info)) return info;

            // 4107-4109: undocumented auth codes. 6300-6999: undocumented, treated like 6000.
            if (code >= 4100 && code < 4200) return new ErrorCodeInfo(code, "AuthenticationFailed", AuthenticationError, Never, "Undocumented authentication failure.");
            if (code >= 6000 && code < 7000) return new ErrorCodeInfo(code, "InternalServerError", ResourceUnavailable, Bounded, "Undocumented server error; retried like 6000.");
            return new ErrorCodeInfo(code, "ServiceError", NotSpecified, Never, "Undocumented service error code.");
        }

        private static Dictionary<int, ErrorCodeInfo> Build(params ErrorCodeInfo[] entries)
        {
            var map = new Dictionary<int, ErrorCodeInfo>(entries.Length);
            foreach (var entry in entries) map.Add(entry.Code, entry);
            return map;
        }
    }
}
