using System;

namespace VodPowerShell.Core.Credentials
{
    /// <summary>What listing the <see cref="ProfileStore"/> shows of one profile: never a secret, only the masked SecretId.</summary>
    public sealed class StoredProfile
    {
        internal StoredProfile(string name, string maskedSecretId, string? region, Uri? endpoint, string? apiVersion, bool hasToken, bool isDefault, string path)
        {
            Name = name;
            MaskedSecretId = maskedSecretId;
            Region = region;
            Endpoint = endpoint;
            ApiVersion = apiVersion;
            HasToken = hasToken;
            IsDefault = isDefault;
            Path = path;
        }

        public string Name { get; }

        public string MaskedSecretId { get; }

        public string? Region { get; }

        public Uri? Endpoint { get; }

        /// <summary>V2 or V3, or null when the profile leaves it to the caller.</summary>
        public string? ApiVersion { get; }

        public bool HasToken { get; }

        public bool IsDefault { get; }

        /// <summary>The file the profile is stored in.</summary>
        public string Path { get; }

        public override string ToString() => $"{Name} {MaskedSecretId}{(IsDefault ? " (default)" : "")}";
    }
}
