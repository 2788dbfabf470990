using System;
using System.Text;
using VodPowerShell.Core.Signing;
using Xunit;

namespace VodPowerShell.Core.Tests.Signing
{
    public class Tc3SignatureTests
    {
        // Tencent Cloud API 3.0 "Signature v3" page (tencentcloud.com, e.g. document/product/266/34114 for VOD;
        // the same text serves every product): CVM DescribeInstances, X-TC-Timestamp 1551113065. The page masks
        // its example key pair as "AKID" + 32 '*' and 32 '*'; its published signature is the HMAC of exactly
        // those printed strings, so the masked values are the example's real inputs.
        private const string DocSecretId = "AKID********************************";
        private const string DocSecretKey = "********************************";
        private const long DocTimestamp = 1551113065;
        private const string DocPayload = "{\"Limit\": 1, \"Filters\": [{\"Values\": [\"unnamed\"], \"Name\": \"instance-name\"}]}";
        private const string DocHashedPayload = "99d58dfbc6745f6747f36bfca17dee5e6881dc0428a0a36f96199342bc5b4907";
        private const string DocHashedCanonicalRequest = "2815843035062fffda5fd6f2a44ea8a34818b0dc46f024b8b3786976a3adda7a";
        private const string DocSignature = "a7b8551448762bd123d6f79e81815e31a92013640a6cef36a08ad4b292a4d2f2";

        [Fact]
        public void OfficialWorkedExampleReproducesEveryPublishedStep()
        {
            byte[] payload = Encoding.UTF8.GetBytes(DocPayload);

            string canonical = Tc3Signature.BuildCanonicalRequest("cvm.tencentcloudapi.com", payload);
            Assert.Equal(DocHashedPayload, Tc3Signature.Sha256Hex(payload));
            Assert.Equal(
                "POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n\ncontent-type;host\n" + DocHashedPayload,
                canonical);
            Assert.Equal(DocHashedCanonicalRequest, Tc3Signature.Sha256Hex(Encoding.UTF8.GetBytes(canonical)));

            string scope = Tc3Signature.CredentialScope(DocTimestamp, "cvm");
            Assert.Equal("2019-02-25/cvm/tc3_request", scope);
            string stringToSign = Tc3Signature.BuildStringToSign(DocTimestamp, scope, canonical);
            Assert.Equal("TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n" + DocHashedCanonicalRequest, stringToSign);

            using var key = SigningKey.FromBytes(Encoding.UTF8.GetBytes(DocSecretKey));
            Assert.Equal(DocSignature, Tc3Signature.ComputeSignature(key, DocTimestamp, "cvm", stringToSign));
            Assert.Equal(
                "TC3-HMAC-SHA256 Credential=" + DocSecretId + "/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=" + DocSignature,
                Tc3Signature.Authorize(DocSecretId, key, "cvm", "cvm.tencentcloudapi.com", DocTimestamp, payload));
        }

        [Fact]
        public void TheDateIsUtcEvenWhenLocalTimeIsAlreadyTheNextDay()
        {
            // The page's own warning: 1551113065 is 2019-02-26 00:44:25 in UTC+8 but 2019-02-25 in UTC.
            Assert.Equal("2019-02-25", Tc3Signature.UtcDate(DocTimestamp));
        }

        [Fact]
        public void TheDerivedKeyFollowsTheDateAndTheService()
        {
            // The net8.0 build keeps the last derived key: a new day or another service must not reuse it.
            byte[] payload = Encoding.UTF8.GetBytes(DocPayload);
            using var key = SigningKey.FromBytes(Encoding.UTF8.GetBytes(DocSecretKey));
            string Sign(long timestamp, string service) => Tc3Signature.Authorize(DocSecretId, key, service, "cvm.tencentcloudapi.com", timestamp, payload);
            string Expected(long timestamp, string service)
            {
                string scope = Tc3Signature.CredentialScope(timestamp, service);
                string toSign = Tc3Signature.BuildStringToSign(timestamp, scope, Tc3Signature.BuildCanonicalRequest("cvm.tencentcloudapi.com", payload));
                return Tc3Signature.BuildAuthorization(DocSecretId, scope, Tc3Signature.ComputeSignature(key, timestamp, service, toSign));
            }

            Assert.EndsWith("Signature=" + DocSignature, Sign(DocTimestamp, "cvm"));
            Assert.Equal(Expected(DocTimestamp + 86400, "cvm"), Sign(DocTimestamp + 86400, "cvm"));
            Assert.Equal(Expected(DocTimestamp, "vod"), Sign(DocTimestamp, "vod"));
            Assert.NotEqual(Sign(DocTimestamp, "vod"), Sign(DocTimestamp, "cvm"));
            Assert.EndsWith("Signature=" + DocSignature, Sign(DocTimestamp, "cvm"));

            key.Dispose();
            Assert.Throws<ObjectDisposedException>(() => Sign(DocTimestamp, "cvm"));
        }

        [Fact]
        public void ADisposedKeyCannotSign()
        {
            var key = SigningKey.FromBytes(Encoding.UTF8.GetBytes(DocSecretKey));
            key.Dispose();

            Assert.Throws<ObjectDisposedException>(() => key.DeriveTc3Key("2019-02-25", "vod"));
        }
    }
}
