namespace VodPowerShell.Core.Errors
{
    /// <summary>
    /// How a failure is classified. The members are a subset of PowerShell's ErrorCategory, with the same
    /// names, so the cmdlet layer maps them one to one without the core depending on PowerShell.
    /// </summary>
    public enum VodErrorCategory
    {
        NotSpecified,
        InvalidArgument,
        InvalidData,
        InvalidOperation,
        InvalidResult,
        AuthenticationError,
        PermissionDenied,
        SecurityError,
        QuotaExceeded,
        LimitsExceeded,
        ObjectNotFound,
        ResourceUnavailable,
        ConnectionError,
        OperationTimeout,
        ProtocolError,
    }
}
