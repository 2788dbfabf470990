using System;
#if NET8_0_OR_GREATER
using System.Buffers;
using System.Runtime.CompilerServices;
#endif
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
#if NET8_0_OR_GREATER
            return AuthorizeOnStack(secretId, key, service, host, timestamp, payload);
#else
            string scope = CredentialScope(timestamp, service);
            string stringToSign = BuildStringToSign(timestamp, scope, BuildCanonicalRequest(host, payload));
            return BuildAuthorization(secretId, scope, ComputeSignature(key, timestamp, service, stringToSign));
#endif
        }

        public static string Sha256Hex(byte[] data)
        {
#if NET8_0_OR_GREATER
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            Sha256(data, hash);
            return ToHex(hash);
#else
            using var sha = SHA256.Create();
            return ToHex(sha.ComputeHash(data));
#endif
        }

#if NET8_0_OR_GREATER
        /// <summary>
        /// The same steps as the public ones above, as UTF-8 on the stack: each string of the signature exists only
        /// as bytes that are hashed, and the Authorization value is the one string built. The derived key never
        /// leaves the <see cref="SigningKey"/>.
        /// </summary>
        [SkipLocalsInit] // See Sha256Midstates.Compute: zeroing the buffers would slow the hashes down.
        private static string AuthorizeOnStack(string secretId, SigningKey key, string service, string host, long timestamp, byte[] payload)
        {
            const int StackBytes = 512;
            int hostBytes = Encoding.UTF8.GetMaxByteCount(host.Length);
            int serviceBytes = Encoding.UTF8.GetMaxByteCount(service.Length);
            byte[]? rented = null;
            try
            {
                int needed = 256 + hostBytes + serviceBytes;
                Span<byte> buffer = needed <= StackBytes ? stackalloc byte[StackBytes] : (rented = ArrayPool<byte>.Shared.Rent(needed));
                Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];

                // Canonical request: POST, "/", no query, the two signed headers, the payload's hash.
                Sha256(payload, hash);
                var canonical = new Utf8Builder(buffer);
                canonical.Append("POST\n/\n\ncontent-type:"u8);
                canonical.Append(ContentType);
                canonical.Append("\nhost:"u8);
                canonical.AppendLowerInvariant(host);
                canonical.Append("\n\n"u8);
                canonical.Append(SignedHeaders);
                canonical.Append("\n"u8);
                canonical.AppendHex(hash);
                Sha256(canonical.Written, hash);

                // String to sign; the date and scope are written once and read back for the key and the header.
                Span<char> date = stackalloc char[10];
                DateTimeOffset.FromUnixTimeSeconds(timestamp).UtcDateTime.TryFormat(date, out _, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                var toSign = new Utf8Builder(buffer);
                toSign.Append(Algorithm);
                toSign.Append("\n"u8);
                toSign.Append(timestamp);
                toSign.Append("\n"u8);
                int scopeStart = toSign.Length;
                toSign.Append(date);
                toSign.Append("/"u8);
                int serviceStart = toSign.Length;
                toSign.Append(service);
                int serviceEnd = toSign.Length;
                toSign.Append("/tc3_request"u8);
                int scopeEnd = toSign.Length;
                toSign.Append("\n"u8);
                toSign.AppendHex(hash);

                Span<byte> written = toSign.Written;
                key.ComputeTc3Hmac(written.Slice(scopeStart, 10), written.Slice(serviceStart, serviceEnd - serviceStart), written, hash);

                // The header is written as chars and made a string once: the result is the only allocation.
                ReadOnlySpan<byte> scope = written.Slice(scopeStart, scopeEnd - scopeStart);
                const string Credential = Algorithm + " Credential=";
                const string Signature = ", SignedHeaders=" + SignedHeaders + ", Signature=";
                int length = Credential.Length + secretId.Length + 1 + Encoding.UTF8.GetCharCount(scope) + Signature.Length + 2 * SHA256.HashSizeInBytes;
                Span<char> header = length <= StackBytes ? stackalloc char[StackBytes] : new char[length];
                int at = 0;
                Credential.CopyTo(header);
                at += Credential.Length;
                secretId.CopyTo(header.Slice(at));
                at += secretId.Length;
                header[at++] = '/';
                at += Encoding.UTF8.GetChars(scope, header.Slice(at));
                Signature.CopyTo(header.Slice(at));
                at += Signature.Length;
                WriteHex(hash, header.Slice(at));
                return new string(header.Slice(0, at + 2 * SHA256.HashSizeInBytes));
            }
            finally
            {
                if (rented != null) ArrayPool<byte>.Shared.Return(rented);
            }
        }

        private static void Sha256(ReadOnlySpan<byte> data, Span<byte> hash)
        {
            if (!Sha256Midstates.TryHash(data, hash)) SHA256.HashData(data, hash);
        }

        private static string ToHex(ReadOnlySpan<byte> bytes)
        {
            Span<char> chars = stackalloc char[2 * bytes.Length];
            WriteHex(bytes, chars);
            return new string(chars);
        }

        private static void WriteHex(ReadOnlySpan<byte> bytes, Span<char> destination)
        {
            for (int i = 0; i < bytes.Length; i++)
            {
                destination[2 * i] = HexDigits[bytes[i] >> 4];
                destination[2 * i + 1] = HexDigits[bytes[i] & 0xF];
            }
        }

        /// <summary>Appends UTF-8 into a caller's buffer (sized by the caller: a short header's worth). Not chainable:
        /// a ref struct's copy would advance alone.</summary>
        private ref struct Utf8Builder
        {
            private readonly Span<byte> buffer;

            public Utf8Builder(Span<byte> buffer)
            {
                this.buffer = buffer;
                Length = 0;
            }

            public int Length { get; private set; }

            public readonly Span<byte> Written => buffer.Slice(0, Length);

            public void Append(ReadOnlySpan<byte> utf8)
            {
                utf8.CopyTo(buffer.Slice(Length));
                Length += utf8.Length;
            }

            public void Append(ReadOnlySpan<char> text)
            {
                Length += Encoding.UTF8.GetBytes(text, buffer.Slice(Length));
            }

            public void Append(string text) => Append(text.AsSpan());

            public void Append(long value)
            {
                value.TryFormat(buffer.Slice(Length), out int written, default, CultureInfo.InvariantCulture);
                Length += written;
            }

            public void AppendLowerInvariant(string text)
            {
                int start = Length;
                // Hosts are ASCII but for an IDN written in Unicode, which takes the string route.
                Append(Ascii.IsValid(text) ? text : text.ToLowerInvariant());
                foreach (ref byte b in buffer.Slice(start, Length - start))
                {
                    if (b >= (byte)'A' && b <= (byte)'Z') b = (byte)(b | 0x20);
                }
            }

            public void AppendHex(ReadOnlySpan<byte> bytes)
            {
                Span<byte> hex = buffer.Slice(Length, 2 * bytes.Length);
                for (int i = 0; i < bytes.Length; i++)
                {
                    hex[2 * i] = (byte)HexDigits[bytes[i] >> 4];
                    hex[2 * i + 1] = (byte)HexDigits[bytes[i] & 0xF];
                }

                Length += hex.Length;
            }
        }
#endif

        private const string HexDigits = "0123456789abcdef";

#if !NET8_0_OR_GREATER
        private static string ToHex(byte[] bytes)
        {
            char[] chars = new char[bytes.Length * 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                chars[2 * i] = HexDigits[bytes[i] >> 4];
                chars[2 * i + 1] = HexDigits[bytes[i] & 0xF];
            }

            return new string(chars);
        }
#endif
    }
}
