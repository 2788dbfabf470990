using System;

namespace VodPowerShell.Core.Errors
{
    /// <summary>A failure below the service's answer (network, HTTP, malformed body, local validation).</summary>
    public sealed class VodException : Exception
    {
        public VodException(VodError error, Exception? inner = null)
            : base(error.Message, inner) => Error = error;

        public VodError Error { get; }
    }
}
