using System;
using System.Security.Cryptography;

namespace VodPowerShell.Core.Signing
{
    /// <summary>Random positive 31-bit nonces from a cryptographic generator (docs/protocol.md §1.2).</summary>
    public static class Nonce
    {
        private static readonly RandomNumberGenerator Generator = RandomNumberGenerator.Create();

        public static uint Next()
        {
            byte[] bytes = new byte[4];
            while (true)
            {
                Generator.GetBytes(bytes);
                uint value = BitConverter.ToUInt32(bytes, 0) & 0x7FFFFFFF;
                if (value != 0) return value;
            }
        }
    }
}
