namespace VodPowerShell.Core.Errors
{
    /// <summary>Which catalogue a <see cref="VodError"/>'s code belongs to (docs/protocol.md §7).</summary>
    public enum VodErrorKind
    {
        /// <summary>The call failed: a service code (v2 <c>code</c>, API 3.0 <c>Error.Code</c>), HTTP or network.</summary>
        ServiceCall,

        /// <summary>The call succeeded but the task failed: a media-processing code (v2 <c>data.status</c>, API 3.0 <c>ErrCode</c>).</summary>
        TaskOutcome,
    }
}
