using System;
using System.Text;

namespace VodPowerShell.Emulator.Domain
{
    /// <summary>The one account the emulator serves. Both the v2 and (later) the API 3.0 front ends authenticate against it.</summary>
    public sealed class CredentialStore
    {
        private readonly byte[] secretKey;

        public CredentialStore(string secretId, string secretKey, string? token)
        {
            SecretId = secretId;
            this.secretKey = Encoding.UTF8.GetBytes(secretKey);
            Token = string.IsNullOrEmpty(token) ? null : token;
        }

        public string SecretId { get; }

        /// <summary>When set, every request must carry exactly this session token.</summary>
        public string? Token { get; }

        /// <summary>The UTF-8 SecretKey for <paramref name="secretId"/>, or null when the id is unknown.</summary>
        public ReadOnlySpan<byte> FindKey(string secretId) =>
            string.Equals(secretId, SecretId, StringComparison.Ordinal) ? secretKey : ReadOnlySpan<byte>.Empty;

        public bool IsKnown(string secretId) => string.Equals(secretId, SecretId, StringComparison.Ordinal);
    }
}
