using System;

namespace VodPowerShell.Core.Credentials
{
    /// <summary>One profile as the file holds it: the secrets stay in their at-rest form until a caller asks for them.</summary>
    internal sealed class ProfileRecord
    {
        public ProfileRecord(string name, string secretId, string protection, byte[] storedSecretKey, byte[]? storedToken)
        {
            Name = name;
            SecretId = secretId;
            Protection = protection;
            StoredSecretKey = storedSecretKey;
            StoredToken = storedToken;
        }

        public string Name { get; }

        public string SecretId { get; }

        /// <summary>A <see cref="SecretProtection"/> scheme.</summary>
        public string Protection { get; }

        public byte[] StoredSecretKey { get; }

        public byte[]? StoredToken { get; }

        public string? Region { get; set; }

        public Uri? Endpoint { get; set; }

        public string? ApiVersion { get; set; }

        public void ClearSecrets()
        {
            Array.Clear(StoredSecretKey, 0, StoredSecretKey.Length);
            if (StoredToken != null) Array.Clear(StoredToken, 0, StoredToken.Length);
        }
    }
}
