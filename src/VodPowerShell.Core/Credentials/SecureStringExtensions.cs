using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Security;
using System.Text;

namespace VodPowerShell.Core.Credentials
{
    /// <summary>Conversions for values that must leave a SecureString because the wire or a file needs them.</summary>
    public static class SecureStringExtensions
    {
        /// <summary>The clear text, for a value that is sent as is (the session token). Never for the SecretKey.</summary>
        public static string ToPlainText(this SecureString value) => WithChars(value, chars => new string(chars));

        public static SecureString ToSecureString(this string value) => ReadOnlySecureString(value);

        /// <summary>The UTF-8 bytes, for protecting the value at rest; the caller clears the array after use.</summary>
        internal static byte[] ToUtf8Bytes(this SecureString value) => WithChars(value, Encoding.UTF8.GetBytes);

        /// <summary>Decodes UTF-8 bytes read from a file without making a managed string of them.</summary>
        internal static SecureString Utf8ToSecureString(byte[] utf8)
        {
            char[] chars = Encoding.UTF8.GetChars(utf8);
            try
            {
                return ReadOnlySecureString(chars);
            }
            finally
            {
                Array.Clear(chars, 0, chars.Length);
            }
        }

        private static SecureString ReadOnlySecureString(IEnumerable<char> chars)
        {
            var secure = new SecureString();
            foreach (char c in chars) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }

        /// <summary>Lends the characters to <paramref name="use"/>, then wipes every copy this method made.</summary>
        private static T WithChars<T>(SecureString value, Func<char[], T> use)
        {
            IntPtr unmanaged = Marshal.SecureStringToGlobalAllocUnicode(value);
            var chars = new char[value.Length];
            try
            {
                Marshal.Copy(unmanaged, chars, 0, chars.Length);
                return use(chars);
            }
            finally
            {
                Array.Clear(chars, 0, chars.Length);
                Marshal.ZeroFreeGlobalAllocUnicode(unmanaged);
            }
        }
    }
}
