using System;
using System.Security;

namespace VodPowerShell.Core.Credentials
{
    /// <summary>
    /// An API key pair, optionally with a session token. The key and token stay SecureString; only the
    /// masked SecretId is ever shown.
    /// </summary>
    public sealed class VodCredential
    {
        public VodCredential(string secretId, SecureString secretKey, SecureString? token = null)
        {
            if (string.IsNullOrWhiteSpace(secretId)) throw new ArgumentException("A SecretId is required.", nameof(secretId));
            SecretId = secretId.Trim();
            SecretKey = secretKey ?? throw new ArgumentNullException(nameof(secretKey));
            if (secretKey.Length == 0) throw new ArgumentException("The SecretKey is empty.", nameof(secretKey));
            if (!secretKey.IsReadOnly()) secretKey.MakeReadOnly();
            if (token != null && !token.IsReadOnly()) token.MakeReadOnly();
            Token = token is { Length: > 0 } ? token : null;
        }

        public string SecretId { get; }

        public SecureString SecretKey { get; }

        public SecureString? Token { get; }

        /// <summary>First four and last four characters, the way consoles show an access key.</summary>
        public string MaskedSecretId => Mask(SecretId);

        public static string Mask(string secretId) =>
            secretId.Length <= 8 ? new string('*', secretId.Length) : secretId.Substring(0, 4) + new string('*', secretId.Length - 8) + secretId.Substring(secretId.Length - 4);

        public override string ToString() => $"VodCredential({MaskedSecretId})";
    }
}
