using System;
using System.Buffers;
using System.Collections.Generic;
#if NET8_0_OR_GREATER
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
#endif
using System.Text;
using VodPowerShell.Core.Protocol.V2;

namespace VodPowerShell.Core.Signing
{
    /// <summary>
    /// Signature version 2 of the legacy API (docs/protocol.md §2): names with '_' turned into '.', sorted by
    /// ordinal byte order, joined with raw values behind METHOD + authority + path + "?", then HMAC and Base64.
    /// </summary>
    public static class V2Signature
    {
        /// <summary>The sorted parameters of the request being signed on this thread, reused across requests.</summary>
        [ThreadStatic]
        private static List<KeyValuePair<string, string>>? sortBuffer;

        public static string BuildStringToSign(string httpMethod, string authority, string path, IEnumerable<KeyValuePair<string, string>> parameters) =>
            StringBuilderCache.GetStringAndRelease(AppendStringToSign(StringBuilderCache.Acquire(), httpMethod, authority, path, parameters));

        /// <summary>Base64 of the HMAC of <paramref name="stringToSign"/>.</summary>
        public static string Compute(string stringToSign, SigningKey key, SignatureMethod method) =>
#if NET8_0_OR_GREATER
            HmacBase64(stringToSign.AsSpan(), key, method);
#else
            Convert.ToBase64String(key.ComputeHmac(method, Encoding.UTF8.GetBytes(stringToSign)));
#endif

        /// <summary>
        /// The signature of a request, as <see cref="BuildStringToSign"/> then <see cref="Compute(string, SigningKey, SignatureMethod)"/>
        /// would give it, without materialising the string to sign: it goes from a cached builder to pooled bytes.
        /// </summary>
#if NET8_0_OR_GREATER
        [SkipLocalsInit] // See Sha256Midstates.Compute: zeroing the buffers would slow the HMAC down threefold.
#endif
        public static string Compute(string httpMethod, string authority, string path, IEnumerable<KeyValuePair<string, string>> parameters, SigningKey key, SignatureMethod method)
        {
#if NET8_0_OR_GREATER
            // Straight into UTF-8 on the stack: one pass over the sorted parameters, no builder, no char copy.
            List<KeyValuePair<string, string>> sorted = SortForSigning(parameters);
            try
            {
                const int StackBytes = 1024;
                int maxBytes = Encoding.UTF8.GetMaxByteCount(CharCount(httpMethod, authority, path, sorted));
                byte[]? rented = null;
                try
                {
                    Span<byte> utf8 = maxBytes <= StackBytes ? stackalloc byte[StackBytes] : (rented = ArrayPool<byte>.Shared.Rent(maxBytes));
                    int count = WriteStringToSign(utf8, httpMethod, authority, path, sorted);
                    return HmacBase64(utf8.Slice(0, count), key, method);
                }
                finally
                {
                    if (rented != null) ArrayPool<byte>.Shared.Return(rented);
                }
            }
            finally
            {
                sorted.Clear();
            }
#else
            StringBuilder builder = AppendStringToSign(StringBuilderCache.Acquire(), httpMethod, authority, path, parameters);
            char[] chars = ArrayPool<char>.Shared.Rent(builder.Length);
            byte[] utf8 = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(builder.Length));
            try
            {
                builder.CopyTo(0, chars, 0, builder.Length);
                int count = Encoding.UTF8.GetBytes(chars, 0, builder.Length, utf8, 0);
                return Convert.ToBase64String(key.ComputeHmac(method, utf8, 0, count));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(utf8);
                ArrayPool<char>.Shared.Return(chars);
                StringBuilderCache.Release(builder);
            }
#endif
        }

#if NET8_0_OR_GREATER
        /// <summary>The string to sign into UTF-8 on the stack (pooled when long), then <see cref="HmacBase64(ReadOnlySpan{byte}, SigningKey, SignatureMethod)"/>.</summary>
        [SkipLocalsInit] // See Sha256Midstates.Compute: zeroing the buffers would slow the HMAC down threefold.
        private static string HmacBase64(ReadOnlySpan<char> text, SigningKey key, SignatureMethod method)
        {
            const int StackBytes = 1024;
            int byteCount = Encoding.UTF8.GetByteCount(text);
            byte[]? rented = null;
            try
            {
                Span<byte> utf8 = byteCount <= StackBytes ? stackalloc byte[StackBytes] : (rented = ArrayPool<byte>.Shared.Rent(byteCount));
                int count = Encoding.UTF8.GetBytes(text, utf8);
                return HmacBase64(utf8.Slice(0, count), key, method);
            }
            finally
            {
                if (rented != null) ArrayPool<byte>.Shared.Return(rented);
            }
        }

        /// <summary>The HMAC of the UTF-8 string to sign, on the stack; the Base64 string is the only allocation.</summary>
        [SkipLocalsInit] // See Sha256Midstates.Compute: zeroing the buffer would slow the HMAC down threefold.
        private static string HmacBase64(ReadOnlySpan<byte> utf8, SigningKey key, SignatureMethod method)
        {
            Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
            int written = key.ComputeHmac(method, utf8, hash);
            return Convert.ToBase64String(hash.Slice(0, written));
        }
#endif

        /// <summary>The method the server applies for a given <c>SignatureMethod</c> value: HmacSHA256 only on an exact match.</summary>
        public static SignatureMethod MethodFromWireValue(string? value) =>
            string.Equals(value, nameof(SignatureMethod.HmacSHA256), StringComparison.Ordinal)
                ? SignatureMethod.HmacSHA256
                : SignatureMethod.HmacSHA1;

        private static StringBuilder AppendStringToSign(StringBuilder builder, string httpMethod, string authority, string path, IEnumerable<KeyValuePair<string, string>> parameters)
        {
            List<KeyValuePair<string, string>> sorted = SortForSigning(parameters);
            try
            {
                foreach (char c in httpMethod) builder.Append(char.ToUpperInvariant(c));
                builder.Append(authority).Append(path).Append('?');
                for (int i = 0; i < sorted.Count; i++)
                {
                    if (i > 0) builder.Append('&');
                    builder.Append(sorted[i].Key).Append('=').Append(sorted[i].Value);
                }

                return builder;
            }
            finally
            {
                sorted.Clear();
            }
        }

        /// <summary>The parameters to sign, renamed and sorted, in this thread's buffer: the caller clears it.</summary>
        private static List<KeyValuePair<string, string>> SortForSigning(IEnumerable<KeyValuePair<string, string>> parameters)
        {
            List<KeyValuePair<string, string>> sorted = sortBuffer ??= new List<KeyValuePair<string, string>>(16);
            // Indexed when possible: a foreach over the interface would box the list's enumerator on every request.
            if (parameters is IReadOnlyList<KeyValuePair<string, string>> list)
            {
                for (int i = 0; i < list.Count; i++) AddForSigning(sorted, list[i]);
            }
            else
            {
                foreach (var pair in parameters) AddForSigning(sorted, pair);
            }

            SortByName(sorted);
            return sorted;
        }

#if NET8_0_OR_GREATER
        private static int CharCount(string httpMethod, string authority, string path, List<KeyValuePair<string, string>> sorted)
        {
            int count = httpMethod.Length + authority.Length + path.Length + 1;
            for (int i = 0; i < sorted.Count; i++) count += sorted[i].Key.Length + sorted[i].Value.Length + 2;
            return count;
        }

        /// <summary>The same text as <see cref="AppendStringToSign"/>, as UTF-8 into <paramref name="utf8"/>; returns the bytes written.</summary>
        private static int WriteStringToSign(Span<byte> utf8, string httpMethod, string authority, string path, List<KeyValuePair<string, string>> sorted)
        {
            // ToUpperInvariant returns the same string, unallocated, when it is already upper case ("GET", "POST").
            int at = Encoding.UTF8.GetBytes(httpMethod.ToUpperInvariant(), utf8);
            at += Encoding.UTF8.GetBytes(authority, utf8.Slice(at));
            at += Encoding.UTF8.GetBytes(path, utf8.Slice(at));
            utf8[at++] = (byte)'?';
            for (int i = 0; i < sorted.Count; i++)
            {
                if (i > 0) utf8[at++] = (byte)'&';
                at += Encoding.UTF8.GetBytes(sorted[i].Key, utf8.Slice(at));
                utf8[at++] = (byte)'=';
                at += Encoding.UTF8.GetBytes(sorted[i].Value, utf8.Slice(at));
            }

            return at;
        }
#endif

        private static void AddForSigning(List<KeyValuePair<string, string>> sorted, KeyValuePair<string, string> pair)
        {
            if (string.Equals(pair.Key, WireNames.Signature, StringComparison.Ordinal)) return;
            sorted.Add(new KeyValuePair<string, string>(pair.Key.Replace('_', '.'), pair.Value));
        }

        /// <summary>
        /// Ordinal by name, by insertion: a request has about ten parameters, and List.Sort would have the runtime
        /// compile its sort over this pair type in the first call's time, where this loop comes precompiled.
        /// </summary>
        private static void SortByName(List<KeyValuePair<string, string>> pairs)
        {
            for (int i = 1; i < pairs.Count; i++)
            {
                KeyValuePair<string, string> pair = pairs[i];
                int at = i - 1;
                while (at >= 0 && string.CompareOrdinal(pairs[at].Key, pair.Key) > 0)
                {
                    pairs[at + 1] = pairs[at];
                    at--;
                }

                pairs[at + 1] = pair;
            }
        }
    }
}
