using VodPowerShell.Emulator.Domain;

namespace VodPowerShell.Emulator.Protocol.V3
{
    /// <summary>
    /// The API 3.0 codes the emulator sends, in one place: Tencent's common codes and VOD's own (as listed in the
    /// VOD 2018-07-17 SDKs' error tables).
    /// </summary>
    public static class V3ErrorCodes
    {
        public const string MissingParameter = "MissingParameter";
        public const string InvalidParameter = "InvalidParameter";
        public const string InvalidParameterValue = "InvalidParameterValue";
        public const string InvalidAuthorization = "AuthFailure.InvalidAuthorization";
        public const string SecretIdNotFound = "AuthFailure.SecretIdNotFound";
        public const string SignatureFailure = "AuthFailure.SignatureFailure";
        public const string SignatureExpire = "AuthFailure.SignatureExpire";
        public const string TokenFailure = "AuthFailure.TokenFailure";
        public const string RequestLimitExceeded = "RequestLimitExceeded";
        public const string InvalidAction = "InvalidAction";
        public const string NoSuchVersion = "NoSuchVersion";
        public const string FileNotFound = "InvalidParameterValue.FileId";
        public const string DefinitionNotFound = "InvalidParameterValue.Definition";
        public const string TaskNotFound = "InvalidParameterValue.TaskId";
        public const string InvalidLimit = "InvalidParameterValue.Limit";

        /// <summary>A repeated ProcessMedia SessionId. Tencent documents only "an error"; this code is inferred (docs/protocol.md).</summary>
        public const string DuplicateSession = "InvalidParameterValue.SessionId";
        public const string SessionIdTooLong = "InvalidParameterValue.SessionIdTooLong";

        /// <summary>
        /// No VOD code names "file not ready"; this common one is documented, and the client files it, like v2's
        /// 10009, as an invalid operation that retrying will not fix. (FailedOperation.InvalidVodUser means
        /// "VOD not activated", which would send a user looking in the wrong place.)
        /// </summary>
        public const string FileNotReady = "UnsupportedOperation";

        // Stand-ins for v2's 5100, 6000 and 6200 faults: the same "retry later" meaning in API 3.0's words.
        public const string FailedOperation = "FailedOperation";
        public const string InternalError = "InternalError";
        public const string ServiceUnavailable = "ServiceUnavailable";

        public static string For(DomainErrorKind kind) => kind switch
        {
            DomainErrorKind.FileNotFound => FileNotFound,
            DomainErrorKind.FileNotReady => FileNotReady,
            DomainErrorKind.DefinitionNotFound => DefinitionNotFound,
            DomainErrorKind.TaskNotFound => TaskNotFound,
            DomainErrorKind.DuplicateSession => DuplicateSession,
            _ => InvalidParameterValue,
        };

        /// <summary>The code a service-side fault answers with, or null when the fault is not a code.</summary>
        public static string? For(FaultKind fault) => fault switch
        {
            FaultKind.Code5100 => FailedOperation,
            FaultKind.Code6000 => InternalError,
            FaultKind.Code6200 => ServiceUnavailable,
            _ => null,
        };
    }
}
