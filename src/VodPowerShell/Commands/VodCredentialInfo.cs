using System;
using VodPowerShell.Core.Credentials;

namespace VodPowerShell.Commands
{
    /// <summary>What Get-VodCredential shows of a profile: never the key, never the token, a masked SecretId.</summary>
    public sealed class VodCredentialInfo
    {
        private VodCredentialInfo(string secretId, string source, string? region, Uri? endpoint, bool hasToken)
        {
            SecretId = secretId;
            Source = source;
            Region = region;
            Endpoint = endpoint;
            HasToken = hasToken;
        }

        public string SecretId { get; }

        public string Source { get; }

        public string? Region { get; }

        public Uri? Endpoint { get; }

        public bool HasToken { get; }

        internal static VodCredentialInfo From(VodProfile profile) =>
            new VodCredentialInfo(profile.Credential.MaskedSecretId, profile.Source, profile.Region, profile.Endpoint, profile.Credential.Token != null);

        public override string ToString() => $"{SecretId} ({Source})";
    }
}
