using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using VodPowerShell.Core.Api;
using VodPowerShell.Core.Http;
using VodPowerShell.Core.Models;
using VodPowerShell.Core.Operations;
using VodPowerShell.Core.Tests.TestSupport;
using Xunit;

namespace VodPowerShell.Core.Tests.Protocol.V3
{
    public class V3TransportTests
    {
        private const string Accepted = """{"Response":{"TaskId":"125xxx-Procedure-abc","RequestId":"req-1"}}""";

        /// <summary>
        /// Verifies the Authorization header the way a server would: from the headers and body bytes received,
        /// with its own SHA-256/HMAC code, not the module's Tc3Signature.
        /// </summary>
        private static void AssertAuthorizationValid(Dictionary<string, string> headers, byte[] body)
        {
            var match = Regex.Match(headers["Authorization"],
                "^TC3-HMAC-SHA256 Credential=(?<id>[^/]+)/(?<date>\\d{4}-\\d{2}-\\d{2})/vod/tc3_request, SignedHeaders=content-type;host, Signature=(?<sig>[0-9a-f]{64})$");
            Assert.True(match.Success, headers["Authorization"]);
            Assert.Equal(TestCredentials.SecretId, match.Groups["id"].Value);
            long timestamp = long.Parse(headers["X-TC-Timestamp"]);
            string date = DateTimeOffset.FromUnixTimeSeconds(timestamp).UtcDateTime.ToString("yyyy-MM-dd");
            Assert.Equal(date, match.Groups["date"].Value);

            static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
            static byte[] Hmac(byte[] key, string text) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text));
            string canonical = $"POST\n/\n\ncontent-type:{headers["Content-Type"].ToLowerInvariant()}\nhost:{headers["Host"].ToLowerInvariant()}\n\ncontent-type;host\n{Hex(SHA256.HashData(body))}";
            string stringToSign = $"TC3-HMAC-SHA256\n{timestamp}\n{date}/vod/tc3_request\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
            byte[] signingKey = Hmac(Hmac(Hmac(Encoding.UTF8.GetBytes("TC3" + TestCredentials.SecretKey), date), "vod"), "tc3_request");
            Assert.Equal(Hex(Hmac(signingKey, stringToSign)), match.Groups["sig"].Value);
        }

        [Fact]
        public async Task PostsJsonToTheRootWithTheCommonHeadersAndAValidSignature()
        {
            var handler = new RecordingHandler().AnswerJson(Accepted);
            using var api = TestCredentials.V3Api(handler);

            await api.SendOperationAsync(TaskOperations.CreateImageSprite, new ImageSpriteRequest("视频 & \"quoted\"", 10), CancellationToken.None);

            var request = Assert.Single(handler.Requests);
            var (headers, body) = Assert.Single(handler.Raw);
            Assert.Equal(HttpMethod.Post, request.Method);
            Assert.Equal("/", request.Uri.AbsolutePath);
            Assert.Equal(string.Empty, request.Uri.Query);
            Assert.Equal("application/json; charset=utf-8", headers["Content-Type"]);
            Assert.Equal("127.0.0.1:8080", headers["Host"]);
            Assert.Equal("ProcessMedia", headers["X-TC-Action"]);
            Assert.Equal("2018-07-17", headers["X-TC-Version"]);
            Assert.Equal("1700000000", headers["X-TC-Timestamp"]);
            Assert.False(headers.ContainsKey("X-TC-Region"), "VOD needs no region, so none is sent unless set");
            Assert.False(headers.ContainsKey("X-TC-Token"));
            AssertAuthorizationValid(headers, body);
        }

        [Fact]
        public async Task RegionIsSentInItsLongFormAndTheTokenWhenTheCredentialHasOne()
        {
            var handler = new RecordingHandler().AnswerJson(Accepted);
            using var api = TestCredentials.V3Api(handler, o => o.Region = "gz", token: "session-token");

            await api.SendOperationAsync(TaskOperations.CreateImageSprite, new ImageSpriteRequest("f", 10), CancellationToken.None);

            var headers = handler.Raw[0].Headers;
            Assert.Equal("ap-guangzhou", headers["X-TC-Region"]);
            Assert.Equal("session-token", headers["X-TC-Token"]);
            AssertAuthorizationValid(headers, handler.Raw[0].Body);
        }

        [Fact]
        public async Task TraceRedactsAuthorizationAndTokenAndNeverShowsTheKeyOrSignature()
        {
            var handler = new RecordingHandler().AnswerJson(Accepted);
            var lines = new List<string>();
            using var api = TestCredentials.V3Api(handler, o => o.Trace = lines.Add, token: "tok-secret-value");

            await api.SendOperationAsync(TaskOperations.CreateImageSprite, new ImageSpriteRequest("f", 10), CancellationToken.None);

            string signature = handler.Raw[0].Headers["Authorization"].Split("Signature=")[1];
            string all = string.Join("\n", lines);
            Assert.Contains("Authorization=***", all);
            Assert.Contains("X-TC-Token=***", all);
            Assert.Contains("X-TC-Action=ProcessMedia", all);
            Assert.Contains("RequestId=req-1", all);
            Assert.DoesNotContain(signature, all);
            Assert.DoesNotContain("tok-secret-value", all);
            Assert.DoesNotContain(TestCredentials.SecretKey, all);
        }

        [Fact]
        public void EachVersionGetsItsOwnDefaultEndpointAndPath()
        {
            var v3 = VodEndpoint.Create(null, ApiVersion.V3);
            Assert.Equal("https://vod.tencentcloudapi.com/", v3.ToString());
            Assert.Equal("/", v3.Path);
            Assert.Equal("vod.tencentcloudapi.com", v3.Authority);

            Assert.Equal("https://vod.api.qcloud.com/v2/index.php", VodEndpoint.Create(null).ToString());
            Assert.Equal("/", VodEndpoint.Create(new Uri("http://127.0.0.1:5123"), ApiVersion.V3).Path);
            Assert.Equal("InsecureEndpoint", Assert.Throws<VodPowerShell.Core.Errors.VodException>(
                () => VodEndpoint.Create(new Uri("http://vod.tencentcloudapi.com"), ApiVersion.V3)).Error.ErrorId);
        }
    }
}
