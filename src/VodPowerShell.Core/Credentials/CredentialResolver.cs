using System;

namespace VodPowerShell.Core.Credentials
{
    /// <summary>
    /// Picks the credential for a call, first match wins: the call's own credential, the profile it names, the
    /// session default, the environment variables of Tencent's tools, the profile store's default, then Tencent's
    /// shared credential files. Returns null when none is found.
    /// </summary>
    public sealed class CredentialResolver
    {
        private readonly Func<string, string?> readEnvironment;

        // Built on first use: a call with -Credential (the common case in scripts) reads no path, file or pattern.
        private ProfileStore? store;
        private SharedCredentialFiles? sharedFiles;

        /// <param name="readEnvironment">Reads environment variables; the process environment when null.</param>
        /// <param name="store">The profile store; the default location when null.</param>
        /// <param name="sharedFiles">Tencent's shared files; the user's home when null.</param>
        public CredentialResolver(Func<string, string?>? readEnvironment = null, ProfileStore? store = null, SharedCredentialFiles? sharedFiles = null)
        {
            this.readEnvironment = readEnvironment ?? Environment.GetEnvironmentVariable;
            this.store = store;
            this.sharedFiles = sharedFiles;
        }

        private ProfileStore Store => store ??= new ProfileStore(readEnvironment: readEnvironment);

        private SharedCredentialFiles SharedFiles => sharedFiles ??= new SharedCredentialFiles(readEnvironment: readEnvironment);

        public VodProfile? Resolve(VodCredential? explicitCredential, VodProfile? sessionDefault) =>
            Resolve(explicitCredential, profileName: null, sessionDefault);

        /// <param name="profileName">A stored profile the caller asked for by name; its absence is an error (ProfileNotFound), not a reason to look further.</param>
        public VodProfile? Resolve(VodCredential? explicitCredential, string? profileName, VodProfile? sessionDefault)
        {
            if (explicitCredential != null) return new VodProfile(explicitCredential, CredentialSources.Parameter);
            if (profileName != null) return Store.Get(profileName) ?? throw ProfileErrors.NotFound(profileName, Store.FilePath);
            if (sessionDefault != null) return sessionDefault;
            return FromEnvironment() ?? Store.GetDefault() ?? SharedFiles.Read();
        }

        public VodProfile? FromEnvironment()
        {
            string? secretId = NonEmpty(EnvironmentNames.SecretId);
            string? secretKey = NonEmpty(EnvironmentNames.SecretKey);
            if (secretId is null || secretKey is null) return null;

            string? token = NonEmpty(EnvironmentNames.Token) ?? NonEmpty(EnvironmentNames.SecurityToken);
            var credential = new VodCredential(secretId, secretKey.ToSecureString(), token?.ToSecureString());
            return new VodProfile(credential, CredentialSources.Environment) { Region = NonEmpty(EnvironmentNames.Region) };
        }

        private string? NonEmpty(string name) => readEnvironment.ReadTrimmed(name);
    }
}
