using System.Runtime.InteropServices;

namespace VodPowerShell.Core.Credentials
{
    /// <summary>The one platform question the credential files ask: DPAPI and ACLs, or Unix modes.</summary>
    internal static class HostPlatform
    {
        public static readonly bool IsWindows = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);
    }
}
