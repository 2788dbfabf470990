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
            byte[] bytes = Encoding.UTF8.GetBytes(value);
            var builder = new StringBuilder(bytes.Length * 3);
            foreach (byte b in bytes)
            {
                if (IsUnreserved((char)b))
                {
                    builder.Append((char)b);
                }
                else
                {
                    builder.Append('%').Append(Hex[b >> 4]).Append(Hex[b & 0xF]);
                }
            }

            return builder.ToString();
        }

        /// <summary>Appends <c>name=value&amp;name=value…</c>, both sides encoded.</summary>
        public static void AppendPair(StringBuilder builder, string name, string value)
        {
            if (builder.Length > 0) builder.Append('&');
            builder.Append(Encode(name)).Append('=').Append(Encode(value));
        }

        private static bool IsAllUnreserved(string value)
        {
            foreach (char c in value)
            {
                if (!IsUnreserved(c)) return false;
            }

            return true;
        }

        private static bool IsUnreserved(char c) =>
            (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '_' || c == '.' || c == '~';
    }
}
