using System;
using System.IO;
using System.Text.Json;

namespace VodPowerShell.Core.Credentials
{
    /// <summary>
    /// Reads the credential files Tencent's own tools write (docs/protocol.md §12.2, §12.3), first found wins:
    /// the SDKs' INI file (<c>$TENCENTCLOUD_CREDENTIALS_FILE</c> or <c>~/.tencentcloud/credentials</c>), then
    /// <c>/etc/tencentcloud/credentials</c>, then tccli's <c>~/.tccli/&lt;profile&gt;.credential</c>.
    /// </summary>
    public sealed class SharedCredentialFiles
    {
        private const string IniSection = "default";
        private readonly string home;
        private readonly Func<string, string?> readEnvironment;
        private readonly string? systemCredentialsPath;

        /// <param name="homeDirectory">The user's home; $HOME or the user profile folder when null.</param>
        /// <param name="readEnvironment">Reads environment variables; the process environment when null.</param>
        /// <param name="systemCredentialsPath">The machine-wide INI file; <c>/etc/tencentcloud/credentials</c> (none on Windows) when null.</param>
        public SharedCredentialFiles(string? homeDirectory = null, Func<string, string?>? readEnvironment = null, string? systemCredentialsPath = null)
        {
            this.readEnvironment = readEnvironment ?? Environment.GetEnvironmentVariable;
            home = Path.GetFullPath(homeDirectory ?? HostPlatform.HomeDirectory(this.readEnvironment));
            this.systemCredentialsPath = systemCredentialsPath ?? (HostPlatform.IsWindows ? null : "/etc/tencentcloud/credentials");
        }

        /// <summary>The first credential found, with its file as the source, or null.</summary>
        public VodProfile? Read() =>
            FromIni(NonEmpty(EnvironmentNames.CredentialsFile) ?? Path.Combine(home, ".tencentcloud", "credentials"))
            ?? FromIni(systemCredentialsPath)
            ?? FromTccli(NonEmpty(EnvironmentNames.TccliProfile) ?? "default");

        /// <summary>
        /// <c>[default]</c> <c>secret_id</c> and <c>secret_key</c>, keys without regard to case, <c>=</c> or <c>:</c> between
        /// key and value. Like the Python SDK we strip whitespace only: quotes stay part of the value.
        /// </summary>
        private VodProfile? FromIni(string? path)
        {
            if (path is null || !File.Exists(path)) return null;

            string? section = null, secretId = null, secretKey = null;
            foreach (string rawLine in File.ReadAllLines(path))
            {
                string line = rawLine.Trim();
                if (line.Length == 0 || line[0] == '#' || line[0] == ';') continue;
                if (line[0] == '[' && line[line.Length - 1] == ']')
                {
                    section = line.Substring(1, line.Length - 2).Trim();
                    continue;
                }

                int separator = line.IndexOfAny(new[] { '=', ':' });
                if (section != IniSection || separator <= 0) continue;
                string key = line.Substring(0, separator).Trim();
                string value = line.Substring(separator + 1).Trim();
                if (key.Equals("secret_id", StringComparison.OrdinalIgnoreCase)) secretId = value;
                else if (key.Equals("secret_key", StringComparison.OrdinalIgnoreCase)) secretKey = value;
            }

            return Profile(path, secretId, secretKey, token: null, region: null);
        }

        /// <summary>tccli's JSON: <c>secretId</c>, <c>secretKey</c>, optional <c>token</c>; the region from <c>&lt;profile&gt;.configure</c>.</summary>
        private VodProfile? FromTccli(string profile)
        {
            // The profile name becomes a file name; a separator in it would leave ~/.tccli.
            if (profile.IndexOfAny(new[] { '/', '\\' }) >= 0 || profile.Contains("..")) return null;
            string directory = Path.Combine(home, ".tccli");
            string credentialPath = Path.Combine(directory, profile + ".credential");
            if (!File.Exists(credentialPath)) return null;

            using JsonDocument credential = ParseJson(credentialPath);
            string? region = null;
            string configurePath = Path.Combine(directory, profile + ".configure");
            if (File.Exists(configurePath))
            {
                using JsonDocument configure = ParseJson(configurePath);
                region = configure.RootElement.TryGetProperty("_sys_param", out JsonElement sysParam) ? StringProperty(sysParam, "region") : null;
            }

            JsonElement root = credential.RootElement;
            return Profile(credentialPath, StringProperty(root, "secretId"), StringProperty(root, "secretKey"), StringProperty(root, "token"), region);
        }

        /// <summary>A profile when both halves of the key are there; a file with half a key is skipped, as a half-set environment is.</summary>
        private VodProfile? Profile(string path, string? secretId, string? secretKey, string? token, string? region)
        {
            if (string.IsNullOrEmpty(secretId) || string.IsNullOrEmpty(secretKey)) return null;
            var credential = new VodCredential(secretId!, secretKey!.ToSecureString(), string.IsNullOrEmpty(token) ? null : token!.ToSecureString());
            return new VodProfile(credential, CredentialSources.SharedFile(DisplayPath(path))) { Region = region };
        }

        private static JsonDocument ParseJson(string path)
        {
            try
            {
                JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(path));
                if (document.RootElement.ValueKind == JsonValueKind.Object) return document;
                document.Dispose();
                throw new JsonException("The top level is not a JSON object.");
            }
            catch (JsonException ex)
            {
                throw ProfileErrors.Corrupt(path, ex.Message, ex);
            }
        }

        private static string? StringProperty(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()!.Trim()
                : null;

        /// <summary>Paths under home are shown as ~/…, the way Tencent's docs and users write them.</summary>
        private string DisplayPath(string path)
        {
            string full = Path.GetFullPath(path);
            string homePrefix = home.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
            return full.StartsWith(homePrefix, StringComparison.Ordinal) ? "~/" + full.Substring(homePrefix.Length).Replace(Path.DirectorySeparatorChar, '/') : full;
        }

        private string? NonEmpty(string name) => readEnvironment.ReadTrimmed(name);
    }
}
