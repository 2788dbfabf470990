using System;
using System.Security.Cryptography;

namespace VodPowerShell.Core.Signing
{
    /// <summary>Random positive 31-bit nonces from a cryptographic generator (docs/protocol.md §1.2).</summary>
    public static class Nonce
    {
#if !NET8_0_OR_GREATER
        private static readonly RandomNumberGenerator Generator = RandomNumberGenerator.Create();
#endif

        public static uint Next()
        {
#if NET8_0_OR_GREATER
            Span<byte> bytes = stackalloc byte[4];
            while (true)
            {
                RandomNumberGenerator.Fill(bytes);
                uint value = BitConverter.ToUInt32(bytes) & 0x7FFFFFFF;
                if (value != 0) return value;
            }
#else
            byte[] bytes = new byte[4];
            while (true)
            {
                Generator.GetBytes(bytes);
                uint value = BitConverter.ToUInt32(bytes, 0) & 0x7FFFFFFF;
                if (value != 0) return value;
            }
#endif
        }
    }
}
