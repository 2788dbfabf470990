using System;
using System.Runtime.InteropServices;
using System.Security;

namespace VodPowerShell.Core.Credentials
{
    /// <summary>Conversions for values that must leave a SecureString because the wire needs them as text.</summary>
    public static class SecureStringExtensions
    {
        /// <summary>The clear text, for a value that is sent as is (the session token). Never for the SecretKey.</summary>
        public static string ToPlainText(this SecureString value)
        {
            IntPtr unmanaged = Marshal.SecureStringToGlobalAllocUnicode(value);
            try
            {
                return Marshal.PtrToStringUni(unmanaged, value.Length);
            }
            finally
            {
                Marshal.ZeroFreeGlobalAllocUnicode(unmanaged);
            }
        }

        public static SecureString ToSecureString(this string value)
        {
            var secure = new SecureString();
            foreach (char c in value) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }
    }
}
