using System.Collections.Generic;
using static VodPowerShell.Core.Errors.RetryPolicy;
using static VodPowerShell.Core.Errors.VodErrorCategory;

namespace VodPowerShell.Core.Errors
{
    /// <summary>
    /// The one place that classifies API 3.0 error codes (<c>Response.Error.Code</c>): Tencent's common codes
    /// and the VOD codes the module can meet. The most specific entry wins; a code under no entry is a
    /// non-retryable <c>ServiceError</c>.
    /// </summary>
    /// <remarks>
    /// ErrorId rule: the code's first dot-separated segment, its class (<c>InvalidParameterValue.FileId</c> →
    /// <c>InvalidParameterValue</c>), so a script can match a small, stable set while the full code stays in
    /// <see cref="VodError.CodeDesc"/>; codes of an unknown class get <c>ServiceError</c>.
    /// </remarks>
    public static class V3ErrorCatalog
    {
        public const string UnknownErrorId = "ServiceError";

        /// <summary>
        /// ProcessMedia's answer to a SessionId used in the last days: an earlier copy of the request was
        /// accepted, so its task exists (docs/protocol.md; the code is inferred, Tencent documents only "an error").
        /// </summary>
        public const string DuplicateSessionCode = "InvalidParameterValue.SessionId";

        private static readonly V3ErrorCodeInfo[] Entries =
        {
            // Throttling: slow down, then try again.
            new V3ErrorCodeInfo("RequestLimitExceeded", QuotaExceeded, Backoff, "Too many requests; the call rate is limited."),

            // Authentication: only an expired signature is fixed by signing again with a fresh timestamp.
            new V3ErrorCodeInfo("AuthFailure", AuthenticationError, Never, "Authentication failed (signature, SecretId or token)."),
            new V3ErrorCodeInfo("AuthFailure.SignatureExpire", AuthenticationError, ResignOnce, "The signature expired; it is signed again with a fresh timestamp (check the clock)."),
            new V3ErrorCodeInfo("AuthFailure.UnauthorizedOperation", PermissionDenied, Never, "The key is valid but CAM does not allow this operation."),

            // Transient service-side failures.
            new V3ErrorCodeInfo("InternalError", ResourceUnavailable, Bounded, "Internal error; retry later."),
            new V3ErrorCodeInfo("ServiceUnavailable", ResourceUnavailable, Bounded, "The service is temporarily unavailable; retry later."),
            new V3ErrorCodeInfo("ResourceUnavailable", ResourceUnavailable, Bounded, "The resource is temporarily unavailable; retry later."),
            new V3ErrorCodeInfo("ResourceInsufficient", ResourceUnavailable, Bounded, "The service lacks resources for the request; retry later."),
            // Tencent's SDK lists this one as a parameter error: a master playlist is never accepted.
            new V3ErrorCodeInfo("ResourceUnavailable.MasterPlaylist", InvalidArgument, Never, "An M3U8 master playlist is not supported."),

            // FailedOperation alone is VOD's generic "operation failed" (like v2's 5100, "retry later"), and
            // NetWorkError is a network fault; every other FailedOperation.* names a state retrying cannot change.
            new V3ErrorCodeInfo("FailedOperation", InvalidOperation, Never, "The operation failed because of the resource's state."),
            new V3ErrorCodeInfo("FailedOperation", ResourceUnavailable, Bounded, "The operation failed; retry later.", exact: true),
            new V3ErrorCodeInfo("FailedOperation.NetWorkError", ResourceUnavailable, Bounded, "A network error inside the service; retry later."),
            new V3ErrorCodeInfo("FailedOperation.NoPrivileges", PermissionDenied, Never, "The account may not use this API."),
            new V3ErrorCodeInfo("FailedOperation.InvalidVodUser", PermissionDenied, Never, "VOD is not activated for this account."),

            // The request itself is wrong.
            new V3ErrorCodeInfo("InvalidParameter", InvalidArgument, Never, "A parameter is wrong."),
            new V3ErrorCodeInfo("InvalidParameterValue", InvalidArgument, Never, "A parameter value is wrong."),
            new V3ErrorCodeInfo("InvalidParameterValue.FileId", ObjectNotFound, Never, "The FileId does not exist."),
            new V3ErrorCodeInfo("InvalidParameterValue.TaskId", ObjectNotFound, Never, "The task does not exist (or is older than 3 days)."),
            new V3ErrorCodeInfo(DuplicateSessionCode, InvalidResult, Never, "An earlier request with this SessionId was accepted; its task is looked up instead."),
            new V3ErrorCodeInfo("InvalidParameterValue.SessionIdTooLong", InvalidArgument, Never, "The SessionId is longer than 50 characters."),
            new V3ErrorCodeInfo("MissingParameter", InvalidArgument, Never, "A required parameter is missing."),
            new V3ErrorCodeInfo("UnknownParameter", InvalidArgument, Never, "A parameter is not defined for this action."),
            new V3ErrorCodeInfo("InvalidRequest", InvalidArgument, Never, "The request body is malformed."),
            new V3ErrorCodeInfo("RequestSizeLimitExceeded", LimitsExceeded, Never, "The request is too large."),
            new V3ErrorCodeInfo("InvalidAction", InvalidOperation, Never, "The action does not exist (check the endpoint and version)."),
            new V3ErrorCodeInfo("NoSuchVersion", InvalidOperation, Never, "The API version does not exist."),
            new V3ErrorCodeInfo("NoSuchProduct", InvalidOperation, Never, "The product does not exist at this endpoint."),
            new V3ErrorCodeInfo("UnsupportedRegion", InvalidOperation, Never, "The region is not supported for this action."),
            new V3ErrorCodeInfo("UnsupportedProtocol", SecurityError, Never, "The protocol is not supported; HTTPS only."),
            new V3ErrorCodeInfo("UnsupportedOperation", InvalidOperation, Never, "The operation is not supported."),

            // Permission, existence and quota.
            new V3ErrorCodeInfo("UnauthorizedOperation", PermissionDenied, Never, "CAM does not allow this operation."),
            new V3ErrorCodeInfo("IpInBlacklist", PermissionDenied, Never, "The caller's IP is blocked."),
            new V3ErrorCodeInfo("IpNotInWhitelist", PermissionDenied, Never, "The caller's IP is not allowed."),
            new V3ErrorCodeInfo("ResourceNotFound", ObjectNotFound, Never, "The resource does not exist."),
            new V3ErrorCodeInfo("LimitExceeded", LimitsExceeded, Never, "A quota (not a rate) is exceeded."),
        };

        /// <summary>Every entry, for tests and the error table in the help.</summary>
        public static IEnumerable<V3ErrorCodeInfo> All => Entries;

        /// <summary>The most specific entry for <paramref name="code"/>, or null when no class covers it.</summary>
        public static V3ErrorCodeInfo? Lookup(string code)
        {
            V3ErrorCodeInfo? best = null;
            foreach (var entry in Entries)
            {
                if (entry.Matches(code) && (best is null || entry.Code.Length > best.Code.Length || (entry.Exact && entry.Code.Length == best.Code.Length)))
                {
                    best = entry;
                }
            }

            return best;
        }

        /// <summary>The code's class, or <see cref="UnknownErrorId"/> for a class the catalog does not know.</summary>
        public static string ErrorIdFor(string code)
        {
            if (Lookup(code) is null) return UnknownErrorId;
            int dot = code.IndexOf('.');
            return dot < 0 ? code : code.Substring(0, dot);
        }

        /// <summary>A failed call's <c>Response.Error</c> as a <see cref="VodError"/>: the code in CodeDesc, Code null.</summary>
        public static VodError ToError(string code, string? message, int httpStatus)
        {
            var info = Lookup(code);
            string description = info?.Description ?? "Undocumented service error code.";
            string text = string.IsNullOrEmpty(message) ? description : $"{message} ({description})";
            return new VodError(ErrorIdFor(code), info?.Category ?? NotSpecified, $"Service error {code}: {text}", info?.Retry ?? Never,
                code: null, codeDesc: code, httpStatus: httpStatus, wasAccepted: code == DuplicateSessionCode);
        }
    }
}
