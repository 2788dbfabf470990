#if !CORE_NETSTANDARD
using System;
using System.Security.Cryptography;
using VodPowerShell.Core.Signing;
using Xunit;

namespace VodPowerShell.Core.Tests.Signing
{
    /// <summary>The HMAC from the key's midstates (net8.0 on Linux) must be .NET's HMAC-SHA256, byte for byte.</summary>
    public class Sha256MidstatesTests
    {
        [Fact]
        public void IsUsedOnLinuxWhereDotNetRunsOnOpenSsl()
        {
            using var midstates = Sha256Midstates.TryCreate(new byte[] { 1, 2, 3 });

            // Elsewhere the signer keeps .NET's HMAC; here, where Bench measures it, the fast path must be taken.
            Assert.Equal(OperatingSystem.IsLinux(), midstates != null);
        }

        [Theory]
        [InlineData(0)]
        [InlineData(32)]
        [InlineData(64)]
        [InlineData(65)]
        [InlineData(200)]
        public void AgreesWithDotNetsHmacForEveryMessageLength(int keyLength)
        {
            byte[] key = Bytes(keyLength, seed: 7);
            using var midstates = Sha256Midstates.TryCreate(key);
            if (midstates is null) return; // Not Linux: nothing of ours to compare.
            byte[] ours = new byte[32];

            // Every length across three blocks, so each padding case (one or two final blocks) is crossed.
            for (int length = 0; length <= 200; length++)
            {
                byte[] message = Bytes(length, seed: length);
                midstates.Compute(message, ours);
                Assert.Equal(HMACSHA256.HashData(key, message), ours);
            }
        }

        [Fact]
        public void ThePlainHashIsDotNetsSha256ForEveryMessageLength()
        {
            byte[] ours = new byte[32];
            bool taken = Sha256Midstates.TryHash(Array.Empty<byte>(), ours);

            // TC3 hashes its payload and canonical request this way on Linux; elsewhere it keeps SHA256.HashData.
            Assert.Equal(OperatingSystem.IsLinux(), taken);
            if (!taken) return;
            for (int length = 0; length <= 200; length++)
            {
                byte[] message = Bytes(length, seed: length + 1);
                Assert.True(Sha256Midstates.TryHash(message, ours));
                Assert.Equal(SHA256.HashData(message), ours);
            }
        }

        [Fact]
        public void TheSigningKeyStillAnswersAfterItsMidstatesAreMadeAndGivesNothingOnceDisposed()
        {
            byte[] keyBytes = Bytes(32, seed: 3);
            var key = SigningKey.FromBytes(keyBytes);
            byte[] mac = new byte[32];

            Assert.Equal(32, key.ComputeHmac(SignatureMethod.HmacSHA256, new byte[] { 42 }, mac));
            Assert.Equal(HMACSHA256.HashData(keyBytes, new byte[] { 42 }), mac);
            key.Dispose();
            Assert.Throws<ObjectDisposedException>(() => key.ComputeHmac(SignatureMethod.HmacSHA256, new byte[] { 42 }, mac));
        }

        private static byte[] Bytes(int length, int seed)
        {
            var bytes = new byte[length];
            for (int i = 0; i < length; i++) bytes[i] = (byte)(i * 31 + seed);
            return bytes;
        }
    }
}
#endif
