using System.Text;
using VodPowerShell.Core.Signing;
using Xunit;

namespace VodPowerShell.Core.Tests.Signing
{
    public class PercentEncodingTests
    {
        [Theory]
        [InlineData("AZaz09-_.~", "AZaz09-_.~")]
        [InlineData("a b", "a%20b")]
        [InlineData("a+b", "a%2Bb")]
        [InlineData("&=#%?/", "%26%3D%23%25%3F%2F")]
        [InlineData("é", "%C3%A9")]
        [InlineData("\n", "%0A")]
        [InlineData("0EEm/HtGRr/VJXTAD9tYMth1Bzm3lLHz5RCDv1GdM8s=", "0EEm%2FHtGRr%2FVJXTAD9tYMth1Bzm3lLHz5RCDv1GdM8s%3D")]
        public void EncodesEverythingButTheUnreservedSetExactlyOnce(string raw, string expected) =>
            Assert.Equal(expected, PercentEncoding.Encode(raw));

        [Fact]
        public void SigningKeyIsZeroedAndUnusableAfterDispose()
        {
            var key = SigningKey.FromBytes(Encoding.UTF8.GetBytes("secret"));
            Assert.Equal(32, key.ComputeHmac(SignatureMethod.HmacSHA256, new byte[] { 1 }).Length);
            Assert.Equal(20, key.ComputeHmac(SignatureMethod.HmacSHA1, new byte[] { 1 }).Length);

            key.Dispose();

            Assert.Throws<System.ObjectDisposedException>(() => key.ComputeHmac(SignatureMethod.HmacSHA256, new byte[] { 1 }));
            Assert.DoesNotContain("secret", key.ToString());
        }
    }
}
