using System;
using VodPowerShell.Core.Credentials;

namespace VodPowerShell.Commands
{
    /// <summary>What Get-VodCredential shows of a credential: where it comes from and a masked SecretId, never a secret.</summary>
    public sealed class VodCredentialInfo
    {
        private VodCredentialInfo(string? profileName, string secretId, string source, string? region, Uri? endpoint, string? apiVersion, bool hasToken, bool isDefault)
        {
            ProfileName = profileName;
            SecretId = secretId;
            Source = source;
            Region = region;
            Endpoint = endpoint;
            ApiVersion = apiVersion;
            HasToken = hasToken;
            IsDefault = isDefault;
        }

        /// <summary>The stored profile's name; null for session, environment and shared-file credentials.</summary>
        public string? ProfileName { get; }

        public string SecretId { get; }

        /// <summary>Parameter, Session, Environment, Profile:&lt;name&gt; or SharedFile:&lt;path&gt;.</summary>
        public string Source { get; }

        public string? Region { get; }

        public Uri? Endpoint { get; }

        public string? ApiVersion { get; }

        public bool HasToken { get; }

        /// <summary>True for the stored profile used when nothing else is configured.</summary>
        public bool IsDefault { get; }

        internal static VodCredentialInfo From(VodProfile profile, string? profileName = null) =>
            new VodCredentialInfo(profileName ?? ProfileNameOf(profile.Source), profile.Credential.MaskedSecretId, profile.Source, profile.Region,
                profile.Endpoint, profile.ApiVersion, profile.Credential.Token != null, isDefault: false);

        internal static VodCredentialInfo From(StoredProfile stored) =>
            new VodCredentialInfo(stored.Name, stored.MaskedSecretId, CredentialSources.Profile(stored.Name), stored.Region,
                stored.Endpoint, stored.ApiVersion, stored.HasToken, stored.IsDefault);

        private static string? ProfileNameOf(string source) =>
            source.StartsWith(CredentialSources.Profile(string.Empty), StringComparison.Ordinal) ? source.Substring(CredentialSources.Profile(string.Empty).Length) : null;

        public override string ToString() => $"{SecretId} ({Source})";
    }
}
