using System;
using System.Runtime.InteropServices;

namespace VodPowerShell.Core.Credentials
{
    /// <summary>What the credential files need to know about the host: DPAPI or Unix modes, and where home is.</summary>
    internal static class HostPlatform
    {
        public static readonly bool IsWindows = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

        /// <summary>$HOME when set (so tests and sudo -E behave), else the user profile folder.</summary>
        public static string HomeDirectory(Func<string, string?> readEnvironment) =>
            readEnvironment.ReadTrimmed(EnvironmentNames.Home) ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
    }
}
