using System.Collections.Generic;
using System.Text;
using VodPowerShell.Core.Signing;
using Xunit;

namespace VodPowerShell.Core.Tests.Signing
{
    public class V2SignatureTests
    {
        private const string ExampleSecretId = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA";
        private const string ExampleSecretKey = "Gu5t9xGARNpq86cd98joQYCN3Cozk1qA";

        private static List<KeyValuePair<string, string>> ExampleParameters(string signatureMethod) => new()
        {
            new("Timestamp", "1465185768"),
            new("Action", "DescribeInstances"),
            new("SecretId", ExampleSecretId),
            new("Region", "ap-guangzhou"),
            new("InstanceIds_0", "ins-09dx96dg"),
            new("Nonce", "11886"),
            new("SignatureMethod", signatureMethod),
        };

        [Theory]
        [InlineData("HmacSHA256", "0EEm/HtGRr/VJXTAD9tYMth1Bzm3lLHz5RCDv1GdM8s=")]
        [InlineData("HmacSHA1", "nPVnY6njQmwQ8ciqbPl5Qe+Oru4=")]
        public void OfficialWorkedExampleProducesTheDocumentedSignature(string method, string expected)
        {
            string stringToSign = V2Signature.BuildStringToSign("GET", "cvm.api.qcloud.com", "/v2/index.php", ExampleParameters(method));

            Assert.Equal(
                "GETcvm.api.qcloud.com/v2/index.php?Action=DescribeInstances&InstanceIds.0=ins-09dx96dg&Nonce=11886&Region=ap-guangzhou" +
                $"&SecretId={ExampleSecretId}&SignatureMethod={method}&Timestamp=1465185768",
                stringToSign);
            using var key = SigningKey.FromBytes(Encoding.UTF8.GetBytes(ExampleSecretKey));
            Assert.Equal(expected, V2Signature.Compute(stringToSign, key, V2Signature.MethodFromWireValue(method)));
        }

        [Theory]
        [InlineData("HmacSHA256", "0EEm/HtGRr/VJXTAD9tYMth1Bzm3lLHz5RCDv1GdM8s=")]
        [InlineData("HmacSHA1", "nPVnY6njQmwQ8ciqbPl5Qe+Oru4=")]
        public void SigningStraightFromTheParametersGivesTheDocumentedSignature(string method, string expected)
        {
            using var key = SigningKey.FromBytes(Encoding.UTF8.GetBytes(ExampleSecretKey));

            // Twice each, alternating methods: the key's reused HMAC must never carry state or the wrong algorithm over.
            for (int i = 0; i < 2; i++)
            {
                Assert.Equal(expected, V2Signature.Compute("GET", "cvm.api.qcloud.com", "/v2/index.php", ExampleParameters(method), key, V2Signature.MethodFromWireValue(method)));
                key.ComputeHmac(method == "HmacSHA1" ? SignatureMethod.HmacSHA256 : SignatureMethod.HmacSHA1, new byte[] { 1 });
            }
        }

        [Fact]
        public void ConcurrentSignersWithOneKeyAgreeWithAFreshHmac()
        {
            using var key = SigningKey.FromBytes(Encoding.UTF8.GetBytes(ExampleSecretKey));
            using var reference = new System.Security.Cryptography.HMACSHA256(Encoding.UTF8.GetBytes(ExampleSecretKey));

            System.Threading.Tasks.Parallel.For(0, 2000, i =>
            {
                byte[] data = Encoding.UTF8.GetBytes("request " + i);
                byte[] expected;
                lock (reference) expected = reference.ComputeHash(data);
                Assert.Equal(expected, key.ComputeHmac(SignatureMethod.HmacSHA256, data));
            });
        }

        [Theory]
        [InlineData("a&b=c", "a&b=c")]
        [InlineData("x+y %z", "x+y %z")]
        [InlineData("视频\nline", "视频\nline")]
        public void ValuesAreSignedRawNotEncoded(string value, string expectedInString)
        {
            var parameters = new List<KeyValuePair<string, string>> { new("fileId", value), new("Action", "CreateImageSprite") };

            string stringToSign = V2Signature.BuildStringToSign("post", "127.0.0.1:8080", "/v2/index.php", parameters);

            Assert.Equal($"POST127.0.0.1:8080/v2/index.php?Action=CreateImageSprite&fileId={expectedInString}", stringToSign);
        }

        [Fact]
        public void SignatureParameterItselfIsNeverSigned()
        {
            var parameters = new List<KeyValuePair<string, string>> { new("Signature", "old"), new("Action", "X") };

            Assert.Equal("GEThost/p?Action=X", V2Signature.BuildStringToSign("GET", "host", "/p", parameters));
        }

        [Fact]
        public void NamesSortByOrdinalByteOrderNotCulture()
        {
            var parameters = new List<KeyValuePair<string, string>> { new("b", "1"), new("B", "2"), new("a", "3"), new("_z", "4") };

            // '.' (from '_') < 'B' < 'a' < 'b' in byte order; a culture-aware sort would interleave case.
            Assert.Equal("GEThost/p?.z=4&B=2&a=3&b=1", V2Signature.BuildStringToSign("GET", "host", "/p", parameters));
        }

        [Theory]
        [InlineData("HmacSHA256", SignatureMethod.HmacSHA256)]
        [InlineData("HmacSHA1", SignatureMethod.HmacSHA1)]
        [InlineData("hmacsha256", SignatureMethod.HmacSHA1)]
        [InlineData(null, SignatureMethod.HmacSHA1)]
        public void ServerUsesSha256OnlyOnAnExactMatch(string? wireValue, SignatureMethod expected) =>
            Assert.Equal(expected, V2Signature.MethodFromWireValue(wireValue));
    }
}
