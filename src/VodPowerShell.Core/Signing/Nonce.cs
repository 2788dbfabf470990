using System;
using System.Security.Cryptography;

namespace VodPowerShell.Core.Signing
{
    /// <summary>
    /// Random positive 31-bit nonces from a cryptographic generator (docs/protocol.md §1.2). Each thread draws
    /// them from its own buffer of random bytes, refilled 64 nonces at a time: a call into the generator costs
    /// about as much as the rest of a request's signing, and a nonce is sent in the clear anyway, so holding the
    /// next ones in memory gives nothing away.
    /// </summary>
    public static class Nonce
    {
        private const int BufferBytes = 64 * sizeof(uint);

#if !NET8_0_OR_GREATER
        private static readonly RandomNumberGenerator Generator = RandomNumberGenerator.Create();
#endif

        [ThreadStatic]
        private static byte[]? buffer;

        [ThreadStatic]
        private static int used;

        public static uint Next()
        {
            while (true)
            {
                byte[]? bytes = buffer;
                if (bytes is null || used >= bytes.Length)
                {
                    bytes ??= buffer = new byte[BufferBytes];
                    Fill(bytes);
                    used = 0;
                }

                uint value = BitConverter.ToUInt32(bytes, used) & 0x7FFFFFFF;
                used += sizeof(uint);
                if (value != 0) return value;
            }
        }

#if NET8_0_OR_GREATER
        private static void Fill(byte[] bytes) => RandomNumberGenerator.Fill(bytes);
#else
        private static void Fill(byte[] bytes) => Generator.GetBytes(bytes);
#endif
    }
}
