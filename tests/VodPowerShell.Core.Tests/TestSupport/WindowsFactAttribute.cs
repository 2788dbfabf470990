using System;
using Xunit;

namespace VodPowerShell.Core.Tests.TestSupport
{
    /// <summary>A fact about DPAPI; skipped elsewhere, where there is none.</summary>
    public sealed class WindowsFactAttribute : FactAttribute
    {
        public WindowsFactAttribute()
        {
            if (!OperatingSystem.IsWindows()) Skip = "DPAPI exists on Windows only.";
        }
    }
}
