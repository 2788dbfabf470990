#if NET8_0_OR_GREATER
using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace VodPowerShell.Core.Signing
{
    /// <summary>
    /// HMAC-SHA256 = H((K ⊕ opad) ‖ H((K ⊕ ipad) ‖ m)) with the two padded key blocks hashed once per key: each
    /// signature then costs only the SHA-256 of the message and of one short block. .NET offers no way to keep a
    /// hash midstate, so on Linux this calls the SHA-256 of the OpenSSL .NET itself uses (libcrypto.so.3), whose
    /// context is a plain struct that can be copied. A kept <c>HMACSHA256</c> spends most of its 1 µs in
    /// OpenSSL's EVP layer (reset, dispatch); this takes about a third of it (bench/README.md).
    /// </summary>
    /// <remarks>
    /// Anywhere else (Windows, macOS, another libcrypto) <see cref="TryCreate"/> returns null and the caller keeps
    /// .NET's HMAC. The two contexts are as secret as the key: they are zeroed on <see cref="Dispose"/>.
    /// </remarks>
    internal sealed unsafe class Sha256Midstates : IDisposable
    {
        // OpenSSL's SHA256_CTX is 112 bytes (sha.h, the same since 0.9.8); the buffers leave room to spare.
        private const int ContextBytes = 256;
        private const int ContextWords = ContextBytes / sizeof(ulong);
        private const int BlockBytes = 64;
        private const int HashBytes = 32;

        private static readonly Sha256Functions? Native = Sha256Functions.TryLoad();

        private readonly byte[] inner = new byte[ContextBytes];
        private readonly byte[] outer = new byte[ContextBytes];

        private Sha256Midstates()
        {
        }

        /// <summary>The midstates of <paramref name="key"/>, or null when OpenSSL's SHA-256 is not available or disagrees with .NET's HMAC.</summary>
        public static Sha256Midstates? TryCreate(ReadOnlySpan<byte> key)
        {
            if (Native is null) return null;
            var midstates = new Sha256Midstates();
            Span<byte> block = stackalloc byte[BlockBytes];
            try
            {
                // A key longer than a block is hashed first (RFC 2104); a shorter one is padded with zeros.
                block.Clear();
                if (key.Length > BlockBytes) SHA256.HashData(key, block);
                else key.CopyTo(block);
                midstates.Start(midstates.inner, block, 0x36);
                midstates.Start(midstates.outer, block, 0x36 ^ 0x5c);
                if (midstates.AgreesWithDotNet(key)) return midstates;
            }
            finally
            {
                CryptographicOperations.ZeroMemory(block);
            }

            midstates.Dispose();
            return null;
        }

        /// <summary>
        /// The plain SHA-256 of <paramref name="data"/> into the first 32 bytes of <paramref name="hash"/> through the
        /// same low-level calls, without the EVP layer .NET's <c>SHA256.HashData</c> goes through; false, and nothing
        /// written, where they are not available.
        /// </summary>
        public static bool TryHash(ReadOnlySpan<byte> data, Span<byte> hash)
        {
            if (Native is null) return false;
            if (hash.Length < HashBytes) throw new ArgumentException("The destination is too small for the hash.", nameof(hash));
            Native.Hash(data, hash);
            return true;
        }

        /// <summary>The HMAC of <paramref name="data"/> into the first 32 bytes of <paramref name="mac"/>. Safe to call from several threads at once.</summary>
        /// <remarks>
        /// No vector instruction may run here before the calls: OpenSSL's SHA-NI code is legacy SSE, which runs
        /// three times slower after AVX code that leaves the upper halves of the registers in use (measured:
        /// 0.35 µs against 1 µs). Hence scalar copies and no zeroing of the stack buffers (SkipLocalsInit), and
        /// the same on the signers that call this with buffers of their own (V2Signature).
        /// </remarks>
        [SkipLocalsInit]
        public void Compute(ReadOnlySpan<byte> data, Span<byte> mac)
        {
            if (mac.Length < HashBytes) throw new ArgumentException("The destination is too small for the HMAC.", nameof(mac));
            Sha256Functions api = Native!;
            ulong* context = stackalloc ulong[ContextWords];
            byte* innerHash = stackalloc byte[HashBytes];
            fixed (byte* innerStart = inner, outerStart = outer, message = data, destination = mac)
            {
                Copy((ulong*)innerStart, context);
                api.Update((byte*)context, message, (nuint)data.Length);
                api.Final(innerHash, (byte*)context);
                Copy((ulong*)outerStart, context);
                api.Update((byte*)context, innerHash, HashBytes);
                api.Final(destination, (byte*)context);
                for (int i = 0; i < ContextWords; i++) context[i] = 0;
            }
        }

        public void Dispose()
        {
            CryptographicOperations.ZeroMemory(inner);
            CryptographicOperations.ZeroMemory(outer);
        }

        private static void Copy(ulong* from, ulong* to)
        {
            for (int i = 0; i < ContextWords; i++) to[i] = from[i];
        }

        private void Start(byte[] context, Span<byte> block, byte pad)
        {
            for (int i = 0; i < block.Length; i++) block[i] ^= pad;
            fixed (byte* start = context, bytes = block)
            {
                Native!.Init(start);
                Native.Update(start, bytes, BlockBytes);
            }
        }

        /// <summary>Lengths around the padding boundaries: a wrong struct size or entry point cannot pass all of them.</summary>
        private bool AgreesWithDotNet(ReadOnlySpan<byte> key)
        {
            Span<byte> probe = stackalloc byte[200];
            Span<byte> ours = stackalloc byte[HashBytes];
            Span<byte> theirs = stackalloc byte[HashBytes];
            for (int i = 0; i < probe.Length; i++) probe[i] = (byte)i;
            foreach (int length in new[] { 0, 55, 56, 64, 119, 200 })
            {
                Compute(probe.Slice(0, length), ours);
                HMACSHA256.HashData(key, probe.Slice(0, length), theirs);
                if (!ours.SequenceEqual(theirs)) return false;
            }

            return true;
        }

        /// <summary>SHA256_Init/Update/Final, OpenSSL's low-level API (deprecated in 3.0 but exported, and frozen).</summary>
        private sealed class Sha256Functions
        {
            public readonly delegate* unmanaged<byte*, int> Init;
            public readonly delegate* unmanaged<byte*, byte*, nuint, int> Update;
            public readonly delegate* unmanaged<byte*, byte*, int> Final;

            private Sha256Functions(IntPtr init, IntPtr update, IntPtr final)
            {
                Init = (delegate* unmanaged<byte*, int>)init;
                Update = (delegate* unmanaged<byte*, byte*, nuint, int>)update;
                Final = (delegate* unmanaged<byte*, byte*, int>)final;
            }

            public static Sha256Functions? TryLoad()
            {
                // .NET on Linux runs on OpenSSL, so it is there; the handle stays open for the life of the process.
                if (!OperatingSystem.IsLinux() || !NativeLibrary.TryLoad("libcrypto.so.3", out IntPtr library)) return null;
                var functions = NativeLibrary.TryGetExport(library, "SHA256_Init", out IntPtr init) &&
                    NativeLibrary.TryGetExport(library, "SHA256_Update", out IntPtr update) &&
                    NativeLibrary.TryGetExport(library, "SHA256_Final", out IntPtr final)
                    ? new Sha256Functions(init, update, final)
                    : null;
                return functions != null && functions.AgreesWithDotNet() ? functions : null;
            }

            [SkipLocalsInit]
            public void Hash(ReadOnlySpan<byte> data, Span<byte> hash)
            {
                ulong* context = stackalloc ulong[ContextWords];
                fixed (byte* message = data, destination = hash)
                {
                    Init((byte*)context);
                    Update((byte*)context, message, (nuint)data.Length);
                    Final(destination, (byte*)context);
                }
            }

            /// <summary>Lengths around the padding boundaries, as for the HMAC: a wrong entry point cannot pass all of them.</summary>
            private bool AgreesWithDotNet()
            {
                Span<byte> probe = stackalloc byte[200];
                Span<byte> ours = stackalloc byte[HashBytes];
                Span<byte> theirs = stackalloc byte[HashBytes];
                for (int i = 0; i < probe.Length; i++) probe[i] = (byte)(3 * i);
                foreach (int length in new[] { 0, 55, 56, 64, 119, 200 })
                {
                    Hash(probe.Slice(0, length), ours);
                    SHA256.HashData(probe.Slice(0, length), theirs);
                    if (!ours.SequenceEqual(theirs)) return false;
                }

                return true;
            }
        }
    }
}
#endif
