using System;
using System.Collections.Generic;
using System.Text;
using VodPowerShell.Core.Protocol.V2;

namespace VodPowerShell.Core.Signing
{
    /// <summary>
    /// Signature version 2 of the legacy API (reference §2): names with '_' turned into '.', sorted by
    /// ordinal byte order, joined with raw values behind METHOD + authority + path + "?", then HMAC and Base64.
    /// </summary>
    public static class V2Signature
    {
        public static string BuildStringToSign(string httpMethod, string authority, string path, IEnumerable<KeyValuePair<string, string>> parameters)
        {
            var sorted = new List<KeyValuePair<string, string>>();
            foreach (var pair in parameters)
            {
                if (string.Equals(pair.Key, WireNames.Signature, StringComparison.Ordinal)) continue;
                sorted.Add(new KeyValuePair<string, string>(pair.Key.Replace('_', '.'), pair.Value));
            }

            sorted.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));

            var builder = new StringBuilder(256);
            builder.Append(httpMethod.ToUpperInvariant()).Append(authority).Append(path).Append('?');
            for (int i = 0; i < sorted.Count; i++)
            {
                if (i > 0) builder.Append('&');
                builder.Append(sorted[i].Key).Append('=').Append(sorted[i].Value);
            }

            return builder.ToString();
        }

        /// <summary>Base64 of the HMAC of <paramref name="stringToSign"/>.</summary>
        public static string Compute(string stringToSign, SigningKey key, SignatureMethod method) =>
            Convert.ToBase64String(key.ComputeHmac(method, Encoding.UTF8.GetBytes(stringToSign)));

        /// <summary>The method the server applies for a given <c>SignatureMethod</c> value: HmacSHA256 only on an exact match.</summary>
        public static SignatureMethod MethodFromWireValue(string? value) =>
            string.Equals(value, nameof(SignatureMethod.HmacSHA256), StringComparison.Ordinal)
                ? SignatureMethod.HmacSHA256
                : SignatureMethod.HmacSHA1;
    }
}
