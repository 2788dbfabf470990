using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using VodPowerShell.Core.Credentials;

namespace VodPowerShell.Core.Throttling
{
    /// <summary>
    /// Where the processes of one user meet to share a quota: a per-user folder only its owner can use
    /// (0700 on Unix, under %LOCALAPPDATA% on Windows), one state file per endpoint and SecretId.
    /// </summary>
    public static class QuotaStateFolder
    {
        /// <summary>Set to 0, off or false to keep each process's quota to itself (as separate machines would).</summary>
        public const string SharingVariable = "VODPOWERSHELL_QUOTA_SHARING";

        /// <summary>Moves the folder, for tests and for users whose runtime folder is unusual.</summary>
        public const string FolderVariable = "VODPOWERSHELL_QUOTA_DIR";

        /// <summary>False when <see cref="SharingVariable"/> turns sharing off.</summary>
        public static bool SharingEnabled(Func<string, string?> readEnvironment)
        {
            string? value = readEnvironment(SharingVariable)?.Trim();
            return !(string.Equals(value, "0", StringComparison.Ordinal) ||
                     string.Equals(value, "off", StringComparison.OrdinalIgnoreCase) ||
                     string.Equals(value, "false", StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>
        /// The folder: <see cref="FolderVariable"/>, else $XDG_RUNTIME_DIR/VodPowerShell/quota (a per-user tmpfs
        /// on most Linux systems), else the local application data folder's VodPowerShell/quota.
        /// </summary>
        public static string Resolve(Func<string, string?> readEnvironment)
        {
            if (readEnvironment.ReadTrimmed(FolderVariable) is { } explicitFolder) return explicitFolder;
            if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows) && readEnvironment.ReadTrimmed("XDG_RUNTIME_DIR") is { } runtime && System.IO.Path.IsPathRooted(runtime))
            {
                return System.IO.Path.Combine(runtime, "VodPowerShell", "quota");
            }

            // DoNotVerify: .NET answers "" for a folder that does not exist yet (~/.local/share on a new
            // account), which would put the state in the current directory, a different one per runbook.
            string local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
            return System.IO.Path.Combine(local, "VodPowerShell", "quota");
        }

        /// <summary>The state file of one key: a hash of endpoint and SecretId, so the name gives nothing away.</summary>
        public static string StateFile(string folder, string endpointAuthority, string secretId)
        {
            using var sha = SHA256.Create();
            byte[] hash = sha.ComputeHash(Encoding.UTF8.GetBytes(endpointAuthority.ToLowerInvariant() + "\n" + secretId));
            var name = new StringBuilder("key-", 4 + 32 + 6);
            for (int i = 0; i < 16; i++) name.Append(hash[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            return System.IO.Path.Combine(folder, name.Append(".quota").ToString());
        }

        /// <summary>Creates the folder owner-only; refuses one that others can write or read, or a relative one.</summary>
        public static void Prepare(string folder)
        {
            if (!System.IO.Path.IsPathRooted(folder))
            {
                throw new InvalidOperationException($"The quota state folder '{folder}' is not an absolute path, so processes started in other folders would not find it.");
            }

            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                Directory.CreateDirectory(folder);
                return;
            }

            OwnerOnlyFiles.CreateDirectory(folder);
            if (OwnerOnlyFiles.IsSharedWithOthers(folder))
            {
                throw new UnauthorizedAccessException($"The quota state folder '{folder}' is open to other users; it must be 0700.");
            }
        }

        internal static FileStream OpenExclusive(string path) =>
            RuntimeInformation.IsOSPlatform(OSPlatform.Windows)
                ? new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None)
                : OwnerOnlyFiles.OpenOrCreateExclusive(path);
    }
}
