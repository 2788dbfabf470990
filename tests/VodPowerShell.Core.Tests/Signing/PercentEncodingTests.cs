using System;
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

        [Theory]
        [InlineData("😀", "%F0%9F%98%80")]
        [InlineData("视频 a", "%E8%A7%86%E9%A2%91%20a")]
        public void NonAsciiIsEncodedAsItsUtf8BytesLikeEncodingUtf8(string raw, string expected)
        {
            Assert.Equal(expected, PercentEncoding.Encode(raw));
            Assert.Equal(Encoding.UTF8.GetBytes(raw).Length, Encoding.UTF8.GetBytes(Uri.UnescapeDataString(expected)).Length);
        }

        [Theory]
        [InlineData("5285890781763144364")]
        [InlineData("a b&c=d/e+f")]
        [InlineData("é视😀end")]
        public void EncodedLengthIsTheLengthOfTheEncodedString(string raw) =>
            Assert.Equal(PercentEncoding.Encode(raw).Length, PercentEncoding.EncodedLength(raw));

        [Fact]
        public void LoneSurrogatesBecomeTheReplacementCharacterLikeEncodingUtf8()
        {
            // Built in code: attribute arguments cannot carry a lone surrogate intact.
            string raw = "a" + '\uD800' + "b" + '\uDC00';

            Assert.Equal("a%EF%BF%BDb%EF%BF%BD", PercentEncoding.Encode(raw));
            Assert.Equal(PercentEncoding.Encode(raw).Length, PercentEncoding.EncodedLength(raw));
        }

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
