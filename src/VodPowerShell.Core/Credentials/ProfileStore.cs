using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using VodPowerShell.Core.Http;
using VodPowerShell.Core.IO;

namespace VodPowerShell.Core.Credentials
{
    /// <summary>
    /// Named credential profiles kept in one per-user JSON file, with a store-wide default. Every call reads the
    /// file afresh; writes replace it atomically, so concurrent writers lose updates (last one wins) but never tear it.
    /// </summary>
    public sealed class ProfileStore
    {
        public const string FileName = "profiles.json";
        private const string DirectoryName = "VodPowerShell";
        private static readonly Regex ValidName = new Regex("^[A-Za-z0-9._-]{1,64}$", RegexOptions.CultureInvariant);

        /// <param name="path">The file to use; when null, <see cref="DefaultPath"/>.</param>
        /// <param name="readEnvironment">Reads environment variables; the process environment when null.</param>
        public ProfileStore(string? path = null, Func<string, string?>? readEnvironment = null) =>
            FilePath = System.IO.Path.GetFullPath(path ?? DefaultPath(readEnvironment ?? Environment.GetEnvironmentVariable));

        public string FilePath { get; }

        public string? DefaultProfileName
        {
            get
            {
                using ProfileDocument document = Load();
                return document.DefaultProfileName is { } name ? document.Profiles[name].Name : null;
            }
        }

        /// <summary>
        /// <c>$VODPOWERSHELL_PROFILE_PATH</c>; else <c>%APPDATA%\VodPowerShell\profiles.json</c> on Windows and
        /// <c>$XDG_CONFIG_HOME/VodPowerShell/profiles.json</c> (or <c>~/.config/…</c>) elsewhere.
        /// </summary>
        public static string DefaultPath(Func<string, string?> readEnvironment) =>
            DefaultPath(readEnvironment, HostPlatform.IsWindows);

        internal static string DefaultPath(Func<string, string?> readEnvironment, bool windows)
        {
            string? overridden = readEnvironment.ReadTrimmed(EnvironmentNames.ProfileStorePath);
            if (overridden != null) return overridden;

            string? configRoot = windows
                ? readEnvironment.ReadTrimmed(EnvironmentNames.AppData) ?? Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData)
                : AbsoluteOrNull(readEnvironment.ReadTrimmed(EnvironmentNames.XdgConfigHome)) ?? System.IO.Path.Combine(HostPlatform.HomeDirectory(readEnvironment), ".config");
            return System.IO.Path.Combine(configRoot, DirectoryName, FileName);
        }

        public IReadOnlyList<StoredProfile> List()
        {
            using ProfileDocument document = Load();
            return document.Profiles.Values
                .OrderBy(record => record.Name, StringComparer.OrdinalIgnoreCase)
                .Select(record => new StoredProfile(record.Name, VodCredential.Mask(record.SecretId), record.Region, record.Endpoint, record.ApiVersion,
                    record.StoredToken != null, document.IsDefault(record.Name), FilePath))
                .ToList();
        }

        /// <summary>The profile with its secrets, or null when there is none of that name.</summary>
        public VodProfile? Get(string name)
        {
            using ProfileDocument document = Load();
            return document.Profiles.TryGetValue(name, out ProfileRecord? record) ? Reveal(record) : null;
        }

        /// <summary>The store's default profile, or null when it has none.</summary>
        public VodProfile? GetDefault()
        {
            using ProfileDocument document = Load();
            return document.DefaultProfileName is { } name ? Reveal(document.Profiles[name]) : null;
        }

        /// <summary>Adds the profile or replaces the one of that name; <paramref name="makeDefault"/> makes it the store's default.</summary>
        public void Save(string name, VodCredential credential, string? region, Uri? endpoint, string? apiVersion, bool makeDefault)
        {
            if (name is null || !ValidName.IsMatch(name)) throw ProfileErrors.InvalidName(name ?? "");
            if (credential is null) throw new ArgumentNullException(nameof(credential));
            // Validated now, so a bad endpoint fails when saved rather than at the first call that uses it.
            if (endpoint != null) VodEndpoint.Create(endpoint);

            var record = new ProfileRecord(name, credential.SecretId, SecretProtection.Current, ProtectedBytes(credential.SecretKey),
                credential.Token is null ? null : ProtectedBytes(credential.Token))
            {
                Region = string.IsNullOrWhiteSpace(region) ? null : region!.Trim(),
                Endpoint = endpoint,
                ApiVersion = NormalizedApiVersion(apiVersion),
            };

            using ProfileDocument document = Load();
            bool wasDefault = document.IsDefault(name);
            if (document.Profiles.TryGetValue(name, out ProfileRecord? replaced)) replaced.ClearSecrets();
            document.Profiles.Remove(name);
            document.Profiles.Add(name, record);
            if (makeDefault || wasDefault) document.DefaultProfileName = name;
            Write(document);
        }

        /// <summary>Deletes the profile; the store has no default afterwards if it was the default. False when there was none.</summary>
        public bool Remove(string name)
        {
            using ProfileDocument document = Load();
            if (!document.Profiles.TryGetValue(name, out ProfileRecord? removed)) return false;

            removed.ClearSecrets();
            document.Profiles.Remove(name);
            if (document.IsDefault(name)) document.DefaultProfileName = null;
            Write(document);
            return true;
        }

        private ProfileDocument Load()
        {
            byte[] json;
            try
            {
                if (!HostPlatform.IsWindows)
                {
                    RefuseIfShared(System.IO.Path.GetDirectoryName(FilePath)!, isDirectory: true);
                    RefuseIfShared(FilePath, isDirectory: false);
                }

                // Delete sharing lets a writer on Windows replace the file while we read it.
                using var stream = new FileStream(FilePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                json = new byte[stream.Length];
                int read = 0;
                while (read < json.Length && stream.Read(json, read, json.Length - read) is var count and > 0) read += count;
            }
            catch (Exception ex) when (ex is FileNotFoundException || ex is DirectoryNotFoundException)
            {
                return new ProfileDocument();
            }

            try
            {
                return ProfileFileFormat.Parse(json, FilePath);
            }
            finally
            {
                Array.Clear(json, 0, json.Length);
            }
        }

        private void Write(ProfileDocument document)
        {
            string directory = System.IO.Path.GetDirectoryName(FilePath)!;
            if (HostPlatform.IsWindows)
            {
                Directory.CreateDirectory(directory);
            }
            else
            {
                OwnerOnlyFiles.CreateDirectory(directory);
                RefuseIfShared(directory, isDirectory: true);
            }

            // A temporary file in the same directory, renamed over the real one: readers see the old file or the new one, never half of either.
            string temporary = $"{FilePath}.{Guid.NewGuid():N}.tmp";
            byte[] json = ProfileFileFormat.Serialize(document);
            try
            {
                using (FileStream stream = HostPlatform.IsWindows ? new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None) : OwnerOnlyFiles.CreateNew(temporary))
                {
                    stream.Write(json, 0, json.Length);
                    stream.Flush(flushToDisk: true);
                }

                AtomicFile.Replace(temporary, FilePath);
            }
            finally
            {
                Array.Clear(json, 0, json.Length);
                File.Delete(temporary);
            }
        }

        private static void RefuseIfShared(string path, bool isDirectory)
        {
            if (OwnerOnlyFiles.IsSharedWithOthers(path)) throw ProfileErrors.Insecure(path, isDirectory);
        }

        private VodProfile Reveal(ProfileRecord record)
        {
            var credential = new VodCredential(record.SecretId, RevealSecret(record, record.StoredSecretKey),
                record.StoredToken is null ? null : RevealSecret(record, record.StoredToken));
            return new VodProfile(credential, CredentialSources.Profile(record.Name))
            {
                Region = record.Region,
                Endpoint = record.Endpoint,
                ApiVersion = record.ApiVersion,
            };
        }

        private SecureString RevealSecret(ProfileRecord record, byte[] stored)
        {
            byte[] secret;
            try
            {
                secret = SecretProtection.Unprotect(record.Protection, stored);
            }
            catch (CryptographicException ex)
            {
                throw ProfileErrors.SecretUnreadable(record.Name, FilePath, ex);
            }

            try
            {
                return SecureStringExtensions.Utf8ToSecureString(secret);
            }
            finally
            {
                Array.Clear(secret, 0, secret.Length);
            }
        }

        private static byte[] ProtectedBytes(SecureString secret)
        {
            byte[] plain = secret.ToUtf8Bytes();
            try
            {
                return SecretProtection.Protect(plain);
            }
            finally
            {
                Array.Clear(plain, 0, plain.Length);
            }
        }

        private static string? NormalizedApiVersion(string? apiVersion)
        {
            if (string.IsNullOrWhiteSpace(apiVersion)) return null;
            string normalized = apiVersion!.Trim().ToUpperInvariant();
            return normalized == "V2" || normalized == "V3" ? normalized : throw ProfileErrors.InvalidApiVersion(apiVersion);
        }

        /// <summary>The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.</summary>
        private static string? AbsoluteOrNull(string? path) => path != null && System.IO.Path.IsPathRooted(path) ? path : null;
    }
}
