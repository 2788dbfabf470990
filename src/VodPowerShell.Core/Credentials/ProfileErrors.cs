using System;
using System.Linq;
using VodPowerShell.Core.Errors;

namespace VodPowerShell.Core.Credentials
{
    /// <summary>The failures of reading and writing profile files, each with its stable ErrorId.</summary>
    internal static class ProfileErrors
    {
        public static VodException Insecure(string path, bool isDirectory) => Create("ProfileFileInsecure", VodErrorCategory.SecurityError,
            $"The profile {(isDirectory ? "directory" : "file")} '{path}' can be read or written by other users, so VodPowerShell will not use it. " +
            $"Fix it with: chmod {(isDirectory ? "700" : "600")} {ShellQuoted(path)}");

        public static VodException Corrupt(string path, string detail, Exception? inner = null) => Create("ProfileFileCorrupt", VodErrorCategory.InvalidData,
            $"The profile file '{path}' cannot be read: {detail} Fix or delete the file, then save the profile again.", inner);

        public static VodException NotFound(string name, string path) => Create("ProfileNotFound", VodErrorCategory.ObjectNotFound,
            $"There is no profile named '{name}' in '{path}'. Save it first, or omit -ProfileName.");

        public static VodException SecretUnreadable(string name, string path, Exception? inner = null) => Create("ProfileSecretUnreadable", VodErrorCategory.SecurityError,
            $"The secrets of profile '{name}' in '{path}' cannot be decrypted by this user on this computer (they were protected elsewhere). Save the profile again.", inner);

        public static VodException InvalidName(string name) => Create("InvalidProfileName", VodErrorCategory.InvalidArgument,
            $"'{name}' is not a valid profile name: use 1 to 64 letters, digits, '.', '-' or '_'.");

        public static VodException InvalidApiVersion(string apiVersion) => Create("InvalidApiVersion", VodErrorCategory.InvalidArgument,
            $"'{apiVersion}' is not an API version: use V2 or V3.");

        public static VodException UnsupportedRuntime() => Create("ProfileStoreUnsupported", VodErrorCategory.InvalidOperation,
            "This .NET runtime cannot create owner-only files (it needs .NET 7 or later on Linux and macOS), so profiles cannot be stored safely. Use PowerShell 7.4 or later, or environment variables.");

        private static VodException Create(string errorId, VodErrorCategory category, string message, Exception? inner = null) =>
            new VodException(new VodError(errorId, category, message, RetryPolicy.Never), inner);

        /// <summary>The path as a user pastes it into a shell: quoted only when it needs to be.</summary>
        private static string ShellQuoted(string path) =>
            path.All(c => char.IsLetterOrDigit(c) || "/._-+~".IndexOf(c) >= 0) ? path : "'" + path.Replace("'", "'\\''") + "'";
    }
}
