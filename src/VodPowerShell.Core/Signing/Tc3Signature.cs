using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace VodPowerShell.Core.Signing
{
    /// <summary>
    /// API 3.0 signature TC3-HMAC-SHA256 (docs/protocol.md §3; Tencent's "Signature v3" page) for a JSON POST to
    /// <c>/</c> signing only <c>content-type</c> and <c>host</c>, which is all this module sends.
    /// </summary>
    public static class Tc3Signature
    {
        public const string Algorithm = "TC3-HMAC-SHA256";

        /// <summary>Exactly as sent: the server signs the header it received, charset included.</summary>
        public const string ContentType = "application/json; charset=utf-8";

        public const string SignedHeaders = "content-type;host";

        /// <summary>API 3.0's canonical URI is always "/", whatever path the request went to.</summary>
        public static string BuildCanonicalRequest(string host, byte[] payload) =>
            "POST\n/\n\n" +
            "content-type:" + ContentType + "\n" +
            "host:" + host.ToLowerInvariant() + "\n\n" +
            SignedHeaders + "\n" +
            Sha256Hex(payload);

        /// <summary>The UTC date of the timestamp: local time would break every request signed around midnight.</summary>
        public static string UtcDate(long timestamp) =>
            DateTimeOffset.FromUnixTimeSeconds(timestamp).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        public static string CredentialScope(long timestamp, string service) => UtcDate(timestamp) + "/" + service + "/tc3_request";

        public static string BuildStringToSign(long timestamp, string credentialScope, string canonicalRequest) =>
            Algorithm + "\n" + timestamp.ToString(CultureInfo.InvariantCulture) + "\n" + credentialScope + "\n" +
            Sha256Hex(Encoding.UTF8.GetBytes(canonicalRequest));

        /// <summary>Lowercase hex HMAC of the string to sign with the derived key, which is cleared afterwards.</summary>
        public static string ComputeSignature(SigningKey key, long timestamp, string service, string stringToSign)
        {
            byte[] derived = key.DeriveTc3Key(UtcDate(timestamp), service);
            try
            {
                using var hmac = new HMACSHA256(derived);
                return ToHex(hmac.ComputeHash(Encoding.UTF8.GetBytes(stringToSign)));
            }
            finally
            {
                Array.Clear(derived, 0, derived.Length);
            }
        }

        public static string BuildAuthorization(string secretId, string credentialScope, string signature) =>
            Algorithm + " Credential=" + secretId + "/" + credentialScope + ", SignedHeaders=" + SignedHeaders + ", Signature=" + signature;

        /// <summary>All steps: the Authorization header value for a JSON POST of <paramref name="payload"/> to <paramref name="host"/>.</summary>
        public static string Authorize(string secretId, SigningKey key, string service, string host, long timestamp, byte[] payload)
        {
            string scope = CredentialScope(timestamp, service);
            string stringToSign = BuildStringToSign(timestamp, scope, BuildCanonicalRequest(host, payload));
            return BuildAuthorization(secretId, scope, ComputeSignature(key, timestamp, service, stringToSign));
        }

        public static string Sha256Hex(byte[] data)
        {
            using var sha = SHA256.Create();
            return ToHex(sha.ComputeHash(data));
        }

        private static string ToHex(byte[] bytes)
        {
            const string digits = "0123456789abcdef";
            char[] chars = new char[bytes.Length * 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                chars[2 * i] = digits[bytes[i] >> 4];
                chars[2 * i + 1] = digits[bytes[i] & 0xF];
            }

            return new string(chars);
        }
    }
}
