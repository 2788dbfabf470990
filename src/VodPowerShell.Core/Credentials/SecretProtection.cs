using System;
using System.Security.Cryptography;
using System.Text;

namespace VodPowerShell.Core.Credentials
{
    /// <summary>
    /// How profile secrets are kept at rest: DPAPI for the current user on Windows; on Unix the bytes as they are,
    /// because there is no DPAPI and the file's 0600 mode is the protection (as with ~/.tencentcloud/credentials).
    /// </summary>
    internal static class SecretProtection
    {
        public const string Dpapi = "DPAPI-CurrentUser";
        public const string FileMode = "FileMode";

        /// <summary>Ties our blobs to us, so another program's blind Unprotect call does not decrypt them.</summary>
        private static readonly byte[] Entropy = Encoding.UTF8.GetBytes("VodPowerShell.ProfileStore");

        public static string Current => HostPlatform.IsWindows ? Dpapi : FileMode;

        public static bool IsKnown(string scheme) => scheme == Dpapi || scheme == FileMode;

        // DPAPI is called only where HostPlatform.IsWindows holds, a guard the platform analyzer cannot see.
#pragma warning disable CA1416
        public static byte[] Protect(byte[] secret) =>
            HostPlatform.IsWindows ? ProtectedData.Protect(secret, Entropy, DataProtectionScope.CurrentUser) : (byte[])secret.Clone();

        /// <summary>The secret's UTF-8 bytes; throws CryptographicException when this user cannot decrypt them.</summary>
        public static byte[] Unprotect(string scheme, byte[] stored)
        {
            if (scheme == FileMode) return (byte[])stored.Clone();
            if (!HostPlatform.IsWindows) throw new CryptographicException("DPAPI is available on Windows only.");
            return ProtectedData.Unprotect(stored, Entropy, DataProtectionScope.CurrentUser);
        }
#pragma warning restore CA1416
    }
}
