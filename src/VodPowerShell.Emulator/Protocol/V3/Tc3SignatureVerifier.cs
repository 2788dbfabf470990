using System;
using System.Linq;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace VodPowerShell.Emulator.Protocol.V3
{
    /// <summary>
    /// TC3-HMAC-SHA256 (docs/protocol.md §3, Tencent's "Signature v3"), written independently of the client's signer: the
    /// canonical request is rebuilt from what arrived (method, path "/", empty query, the headers the client
    /// says it signed, the SHA-256 of the raw body), and the scope must be the one the server would use.
    /// </summary>
    public static class Tc3SignatureVerifier
    {
        /// <summary>
        /// Each signed header as <c>name:value</c>: Tencent's rule lower-cases name and value and trims the value.
        /// A listed header that did not arrive signs as empty, so the signature simply fails.
        /// </summary>
        public static string BuildCanonicalRequest(string method, IHeaderDictionary headers, Tc3Authorization authorization, byte[] body)
        {
            var text = new StringBuilder(256);
            text.Append(method).Append('\n').Append(V3Names.Path).Append("\n\n");
            foreach (string name in authorization.SignedHeaderNames)
            {
                text.Append(name).Append(':').Append(headers[name].ToString().Trim().ToLowerInvariant()).Append('\n');
            }

            text.Append('\n').Append(authorization.SignedHeaders).Append('\n').Append(Hex(SHA256.HashData(body)));
            return text.ToString();
        }

        /// <summary>The scope the server expects for a request stamped <paramref name="timestamp"/>: its UTC date, not the local one.</summary>
        public static string ExpectedDate(long timestamp) =>
            DateTimeOffset.FromUnixTimeSeconds(timestamp).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        /// <summary>
        /// True when the client's scope is the one the server derives (UTC date of the timestamp, "vod",
        /// "tc3_request"), it signed at least content-type and host (Tencent requires both, and without host a
        /// signature could be replayed to another endpoint), and its hex signature matches, compared in constant time.
        /// </summary>
        public static bool Verify(Tc3Authorization authorization, string timestampText, long timestamp, string canonicalRequest, ReadOnlySpan<byte> secretKey)
        {
            var signed = authorization.SignedHeaderNames;
            if (!signed.Contains("content-type") || !signed.Contains("host")) return false;
            if (authorization.Date != ExpectedDate(timestamp) || authorization.Service != V3Names.Service || authorization.Terminator != V3Names.ScopeTerminator)
            {
                return false;
            }

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

            string scope = authorization.Date + "/" + V3Names.Service + "/" + V3Names.ScopeTerminator;
            string stringToSign = V3Names.Algorithm + "\n" + timestampText + "\n" + scope + "\n" + Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)));

            byte[] prefixed = new byte[3 + secretKey.Length];
            Encoding.ASCII.GetBytes("TC3", prefixed);
            secretKey.CopyTo(prefixed.AsSpan(3));
            byte[] dateKey = HMACSHA256.HashData(prefixed, Encoding.UTF8.GetBytes(authorization.Date));
            byte[] serviceKey = HMACSHA256.HashData(dateKey, Encoding.UTF8.GetBytes(V3Names.Service));
            byte[] signingKey = HMACSHA256.HashData(serviceKey, Encoding.UTF8.GetBytes(V3Names.ScopeTerminator));
            byte[] expected = HMACSHA256.HashData(signingKey, Encoding.UTF8.GetBytes(stringToSign));
            CryptographicOperations.ZeroMemory(prefixed);
            return CryptographicOperations.FixedTimeEquals(given, expected);
        }

        private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
    }
}
