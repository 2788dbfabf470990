using System;
#if NET8_0_OR_GREATER
using System.Buffers;
#endif
using System.Text;

namespace VodPowerShell.Core.Signing
{
    /// <summary>
    /// RFC 3986 percent-encoding of UTF-8 bytes: everything but the unreserved set is escaped, so a value
    /// can never add, split or alter a parameter (space is %20, '+' is %2B, '&amp;' is %26).
    /// </summary>
    public static class PercentEncoding
    {
        private const string Hex = "0123456789ABCDEF";

        public static string Encode(string value)
        {
            if (IsAllUnreserved(value)) return value;
            StringBuilder builder = StringBuilderCache.Acquire();
            AppendEncoded(builder, value);
            return StringBuilderCache.GetStringAndRelease(builder);
        }

        /// <summary>Appends <c>name=value&amp;name=value…</c>, both sides encoded.</summary>
        public static void AppendPair(StringBuilder builder, string name, string value)
        {
            if (builder.Length > 0) builder.Append('&');
            AppendEncoded(builder, name);
            builder.Append('=');
            AppendEncoded(builder, value);
        }

        /// <summary>Appends <paramref name="value"/> encoded, straight into <paramref name="builder"/>.</summary>
        public static void AppendEncoded(StringBuilder builder, string value)
        {
#if NET8_0_OR_GREATER
            Span<byte> utf8 = stackalloc byte[4];
#else
            byte[]? utf8 = null;
#endif
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (IsUnreserved(c))
                {
                    builder.Append(c);
                }
                else if (c < 0x80)
                {
                    AppendEscaped(builder, (byte)c);
                }
                else
                {
                    // A surrogate pair is one code point; a lone surrogate becomes U+FFFD, as Encoding.UTF8 does.
                    int chars = char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]) ? 2 : 1;
#if NET8_0_OR_GREATER
                    int count = Encoding.UTF8.GetBytes(value.AsSpan(i, chars), utf8);
#else
                    utf8 ??= new byte[4];
                    int count = Encoding.UTF8.GetBytes(value, i, chars, utf8, 0);
#endif
                    for (int b = 0; b < count; b++) AppendEscaped(builder, utf8[b]);
                    i += chars - 1;
                }
            }
        }

        /// <summary>The length <see cref="Encode"/> would return, without building the string.</summary>
        public static int EncodedLength(string value)
        {
            int length = 0;
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (IsUnreserved(c)) length += 1;
                else if (c < 0x80) length += 3;
                else if (c < 0x800) length += 6;
                else if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) { length += 12; i++; }
                else length += 9;
            }

            return length;
        }

        private static void AppendEscaped(StringBuilder builder, byte b) => builder.Append('%').Append(Hex[b >> 4]).Append(Hex[b & 0xF]);

#if NET8_0_OR_GREATER
        private static readonly SearchValues<char> Unreserved =
            SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~");

        private static bool IsAllUnreserved(string value) => !value.AsSpan().ContainsAnyExcept(Unreserved);
#else
        private static bool IsAllUnreserved(string value)
        {
            foreach (char c in value)
            {
                if (!IsUnreserved(c)) return false;
            }

            return true;
        }
#endif

        private static bool IsUnreserved(char c) =>
            (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '_' || c == '.' || c == '~';
    }
}
