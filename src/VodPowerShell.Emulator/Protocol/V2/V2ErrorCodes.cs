using System.Collections.Generic;
using VodPowerShell.Emulator.Domain;

namespace VodPowerShell.Emulator.Protocol.V2
{
    /// <summary>The v2 codes the emulator sends (docs/protocol.md §7.1, §7.2), with their codeDesc, in one place.</summary>
    public static class V2ErrorCodes
    {
        public const int Success = 0;
        public const int InvalidParameter = 4000;
        public const int AuthenticationFailed = 4100;
        public const int SecretIdNotFound = 4104;
        public const int TokenInvalid = 4105;
        public const int QuotaExceeded = 4400;
        public const int ReplayRejected = 4500;
        public const int ResourceOperationFailed = 5100;
        public const int InternalServerError = 6000;
        public const int ServiceUnavailable = 6200;
        public const int InvalidArgument = 1000;
        public const int UnexpectedFileStatus = 10009;
        public const int TaskNotFound = 70014;

        // Tencent's pages (docs/protocol.md §4.1) show codeDesc only as "Success" and one CAM name; these names are ours, in the same style.
        private static readonly Dictionary<int, string> Descriptions = new()
        {
            [Success] = "Success",
            [InvalidParameter] = "InvalidParameter",
            [AuthenticationFailed] = "AuthFailure",
            [SecretIdNotFound] = "SecretIdNotFound",
            [TokenInvalid] = "TokenInvalid",
            [QuotaExceeded] = "RequestLimitExceeded",
            [ReplayRejected] = "NonceOrTimestampInvalid",
            [ResourceOperationFailed] = "ResourceOperationFailed",
            [InternalServerError] = "InternalServerError",
            [ServiceUnavailable] = "ServiceUnavailable",
            [InvalidArgument] = "InvalidArgument",
            [UnexpectedFileStatus] = "UnexpectedFileStatus",
            [TaskNotFound] = "TaskNotExist",
        };

        public static string Describe(int code) => Descriptions.TryGetValue(code, out var name) ? name : "Error";

        public static int For(DomainErrorKind kind) => kind switch
        {
            DomainErrorKind.FileNotReady => UnexpectedFileStatus,
            DomainErrorKind.TaskNotFound => TaskNotFound,
            DomainErrorKind.EventHandleInvalid => InvalidParameter,
            _ => InvalidArgument,
        };

        /// <summary>The code a service-side fault answers with, or 0 when the fault is not a code.</summary>
        public static int For(FaultKind fault) => fault switch
        {
            FaultKind.Code5100 => ResourceOperationFailed,
            FaultKind.Code6000 => InternalServerError,
            FaultKind.Code6200 => ServiceUnavailable,
            _ => Success,
        };
    }
}
