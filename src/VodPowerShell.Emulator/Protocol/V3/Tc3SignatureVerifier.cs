using System;
using System.Linq;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace VodPowerShell.Emulator.Protocol.V3
{
    /// <summary>
    /// TC3-HMAC-SHA256 (Tencent's "Signature v3", docs/protocol.md), written independently of the client's signer:
    /// the canonical request is rebuilt from what arrived (method, path "/", the raw query, the headers the client
    /// says it signed, the SHA-256 of the raw body), and the scope's date and terminator must be the server's.
    /// </summary>
    public static class Tc3SignatureVerifier
    {
        /// <summary>
        /// Each signed header as <c>name:value</c>: Tencent's rule lower-cases name and value and trims the value.
        /// A listed header that did not arrive signs as empty, so the signature simply fails. <c>host</c> signs as
        /// <paramref name="signedHost"/>, one of <see cref="SignedHost.Candidates"/>.
        /// </summary>
        public static string BuildCanonicalRequest(string method, string query, IHeaderDictionary headers, Tc3Authorization authorization, byte[] body, string signedHost)
        {
            var text = new StringBuilder(256);
            text.Append(method).Append('\n').Append(V3Names.Path).Append('\n').Append(query).Append('\n');
            foreach (string name in authorization.SignedHeaderNames)
            {
                string value = name == "host" ? signedHost : headers[name].ToString();
                text.Append(name).Append(':').Append(value.Trim().ToLowerInvariant()).Append('\n');
            }

            text.Append('\n').Append(authorization.SignedHeaders).Append('\n').Append(Hex(SHA256.HashData(body)));
            return text.ToString();
        }

        /// <summary>The scope the server expects for a request stamped <paramref name="timestamp"/>: its UTC date, not the local one.</summary>
        public static string ExpectedDate(long timestamp) =>
            DateTimeOffset.FromUnixTimeSeconds(timestamp).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        /// <summary>
        /// True when the client's scope has the UTC date of the timestamp and "tc3_request", it signed at least
        /// content-type and host (Tencent requires both, and without host a signature could be replayed to another
        /// endpoint), and its hex signature matches, compared in constant time. The scope's service label is taken as
        /// the client wrote it: SDKs derive it from the endpoint ("127" for 127.0.0.1), and it is signed into the key.
        /// </summary>
        public static bool Verify(Tc3Authorization authorization, string timestampText, long timestamp, string canonicalRequest, ReadOnlySpan<byte> secretKey)
        {
            var signed = authorization.SignedHeaderNames;
            if (!signed.Contains("content-type") || !signed.Contains("host")) return false;
            if (authorization.Date != ExpectedDate(timestamp) || authorization.Terminator != V3Names.ScopeTerminator) return false;

            if (authorization.Signature.Length != 2 * HMACSHA256.HashSizeInBytes) return false;
            byte[] given;
            try
            {
                given = Convert.FromHexString(authorization.Signature);
            }
            catch (FormatException)
            {
                return false;
            }

            string scope = authorization.Date + "/" + authorization.Service + "/" + V3Names.ScopeTerminator;
            string stringToSign = V3Names.Algorithm + "\n" + timestampText + "\n" + scope + "\n" + Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)));

            byte[] prefixed = new byte[3 + secretKey.Length];
            Encoding.ASCII.GetBytes("TC3", prefixed);
            secretKey.CopyTo(prefixed.AsSpan(3));
            byte[] dateKey = HMACSHA256.HashData(prefixed, Encoding.UTF8.GetBytes(authorization.Date));
            byte[] serviceKey = HMACSHA256.HashData(dateKey, Encoding.UTF8.GetBytes(authorization.Service));
            byte[] signingKey = HMACSHA256.HashData(serviceKey, Encoding.UTF8.GetBytes(V3Names.ScopeTerminator));
            byte[] expected = HMACSHA256.HashData(signingKey, Encoding.UTF8.GetBytes(stringToSign));
            CryptographicOperations.ZeroMemory(prefixed);
            return CryptographicOperations.FixedTimeEquals(given, expected);
        }

        private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
    }
}
