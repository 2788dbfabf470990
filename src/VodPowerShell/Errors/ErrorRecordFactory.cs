using System;
using System.Management.Automation;
using VodPowerShell.Core.Errors;

namespace VodPowerShell.Errors
{
    /// <summary>Turns the core's error model into ErrorRecords with a stable ErrorId and the offending input as target.</summary>
    internal static class ErrorRecordFactory
    {
        public static ErrorRecord Create(VodError error, object? target, Exception? exception = null)
        {
            // The advice comes from the error's own catalogue (service call or task outcome), for both API versions.
            return new ErrorRecord(exception ?? new VodException(error), error.ErrorId, ToPowerShell(error.Category), target)
            {
                ErrorDetails = new ErrorDetails(error.Message) { RecommendedAction = error.RecommendedAction },
            };
        }

        public static ErrorRecord Create(VodException exception, object? target) => Create(exception.Error, target, exception);

        public static ErrorCategory ToPowerShell(VodErrorCategory category) => category switch
        {
            VodErrorCategory.InvalidArgument => ErrorCategory.InvalidArgument,
            VodErrorCategory.InvalidData => ErrorCategory.InvalidData,
            VodErrorCategory.InvalidOperation => ErrorCategory.InvalidOperation,
            VodErrorCategory.InvalidResult => ErrorCategory.InvalidResult,
            VodErrorCategory.AuthenticationError => ErrorCategory.AuthenticationError,
            VodErrorCategory.PermissionDenied => ErrorCategory.PermissionDenied,
            VodErrorCategory.SecurityError => ErrorCategory.SecurityError,
            VodErrorCategory.QuotaExceeded => ErrorCategory.QuotaExceeded,
            VodErrorCategory.LimitsExceeded => ErrorCategory.LimitsExceeded,
            VodErrorCategory.ObjectNotFound => ErrorCategory.ObjectNotFound,
            VodErrorCategory.ResourceUnavailable => ErrorCategory.ResourceUnavailable,
            VodErrorCategory.ConnectionError => ErrorCategory.ConnectionError,
            VodErrorCategory.OperationTimeout => ErrorCategory.OperationTimeout,
            VodErrorCategory.ProtocolError => ErrorCategory.ProtocolError,
            _ => ErrorCategory.NotSpecified,
        };
    }
}
