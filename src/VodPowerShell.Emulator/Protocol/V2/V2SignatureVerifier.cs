using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;

namespace VodPowerShell.Emulator.Protocol.V2
{
    /// <summary>
    /// Signature version 2 (docs/protocol.md §2), written independently of the client's signer: every parameter but
    /// Signature, names with '_' read as '.', ordinal sort, raw values, behind METHOD + Host header + path + "?".
    /// </summary>
    public static class V2SignatureVerifier
    {
        public const string Sha256MethodName = "HmacSHA256";

        private static readonly Comparer<KeyValuePair<string, string>> ByName =
            Comparer<KeyValuePair<string, string>>.Create(static (a, b) => string.CompareOrdinal(a.Key, b.Key));

        public static string BuildStringToSign(string method, string host, string path, V2Parameters parameters)
        {
            var pairs = new KeyValuePair<string, string>[parameters.Count];
            int count = 0;
            foreach (var pair in parameters.All)
            {
                if (pair.Key == V2Names.Signature) continue;
                pairs[count++] = new KeyValuePair<string, string>(pair.Key.Replace('_', '.'), pair.Value);
            }

            Array.Sort(pairs, 0, count, ByName);
            var text = new StringBuilder(method.Length + host.Length + path.Length + 64 * count);
            text.Append(method).Append(host).Append(path).Append('?');
            for (int i = 0; i < count; i++)
            {
                if (i > 0) text.Append('&');
                text.Append(pairs[i].Key).Append('=').Append(pairs[i].Value);
            }

            return text.ToString();
        }

        /// <summary>
        /// True when <paramref name="signature"/> is the Base64 HMAC of the string to sign. SHA-256 only when
        /// SignatureMethod is exactly "HmacSHA256"; anything else, absent included, means SHA-1, as the service does.
        /// </summary>
        public static bool Verify(string stringToSign, string? signatureMethod, ReadOnlySpan<byte> key, string signature)
        {
            bool sha256 = string.Equals(signatureMethod, Sha256MethodName, StringComparison.Ordinal);
            byte[] data = Encoding.UTF8.GetBytes(stringToSign);
            Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
            int length = sha256 ? HMACSHA256.HashData(key, data, expected) : HMACSHA1.HashData(key, data, expected);

            Span<byte> given = stackalloc byte[HMACSHA256.HashSizeInBytes + 3];
            return Convert.TryFromBase64String(signature, given, out int givenLength)
                && givenLength == length
                && CryptographicOperations.FixedTimeEquals(given[..givenLength], expected[..length]);
        }
    }
}
