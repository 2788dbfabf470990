using System.Linq;
using System.Threading.Tasks;
using VodPowerShell.Core.Signing;
using Xunit;

namespace VodPowerShell.Core.Tests.Signing
{
    /// <summary>
    /// Nonces come from a per-thread buffer of random bytes, 64 at a time. Random 31-bit values may repeat by
    /// chance (about a 2% chance of one pair among 10,000), so the tests look for what a buffer bug would do: a
    /// buffer handed out twice repeats whole runs of values.
    /// </summary>
    public class NonceTests
    {
        [Fact]
        public void NoncesArePositive31BitRandomValuesAcrossRefills()
        {
            uint[] nonces = Enumerable.Range(0, 10000).Select(_ => Nonce.Next()).ToArray();

            Assert.All(nonces, nonce => Assert.InRange(nonce, 1u, 0x7FFFFFFFu));
            Assert.True(nonces.Length - nonces.Distinct().Count() <= 2, "nonces repeat: a buffer was handed out twice");

            // Random high bits, not a counter: about half the nonces are above 2^30 (5,000 ± 50 for one sigma).
            Assert.InRange(nonces.Count(n => n >= 0x40000000u), 4500, 5500);
        }

        [Fact]
        public void ThreadsDrawFromTheirOwnBuffers()
        {
            uint[] all = Enumerable.Range(0, 4)
                .Select(_ => Task.Run(() => Enumerable.Range(0, 2000).Select(__ => Nonce.Next()).ToArray()))
                .ToArray()
                .SelectMany(task => task.Result)
                .ToArray();

            Assert.True(all.Length - all.Distinct().Count() <= 2, "threads drew the same nonces");
        }
    }
}
