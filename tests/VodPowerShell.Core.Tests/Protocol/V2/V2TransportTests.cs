using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using VodPowerShell.Core.Protocol.V2;
using VodPowerShell.Core.Signing;
using VodPowerShell.Core.Tests.TestSupport;
using VodPowerShell.Core.Http;
using Xunit;

namespace VodPowerShell.Core.Tests.Transport
{
    public class V2TransportTests
    {
        private static ApiRequest CreateSprite(string fileId) =>
            new("CreateImageSprite", new RequestParameters().Add("fileId", fileId).Add("definition", "10"));

        /// <summary>Recomputes the signature from what went over the wire, independently of the transport.</summary>
        private static void AssertSignatureValid(string method, string host, string path, string encodedParameters, SignatureMethod signatureMethod)
        {
            var received = TestCredentials.ParseForm(encodedParameters);
            string signature = received["Signature"];
            string stringToSign = V2Signature.BuildStringToSign(method, host, path, received.Where(p => p.Key != "Signature"));
            using var key = SigningKey.FromBytes(Encoding.UTF8.GetBytes(TestCredentials.SecretKey));
            Assert.Equal(V2Signature.Compute(stringToSign, key, signatureMethod), signature);
        }

        [Theory]
        [InlineData("plain-123")]
        [InlineData("a&definition=99")]
        [InlineData("x=y#frag")]
        [InlineData("100% + more")]
        [InlineData("line1\nline2\r\t")]
        [InlineData("视频-ファイル-😀")]
        public async Task GetSendsEveryValueAsExactlyOneParameterAndSignsItRaw(string fileId)
        {
            var handler = new RecordingHandler();
            using var transport = TestCredentials.Transport(handler);

            var response = await transport.SendAsync(CreateSprite(fileId), CancellationToken.None);

            Assert.True(response.IsSuccess);
            var request = Assert.Single(handler.Requests);
            Assert.Equal(HttpMethod.Get, request.Method);
            Assert.Equal("/v2/index.php", request.Uri.AbsolutePath);
            var received = TestCredentials.ParseForm(request.Uri.Query);
            Assert.Equal(fileId, received["fileId"]);
            Assert.Equal("10", received["definition"]);
            Assert.Equal(new[] { "Action", "Nonce", "Region", "SecretId", "Signature", "SignatureMethod", "Timestamp", "definition", "fileId" },
                received.Keys.OrderBy(k => k, StringComparer.Ordinal));
            AssertSignatureValid("GET", "127.0.0.1:8080", "/v2/index.php", request.Uri.Query, SignatureMethod.HmacSHA256);
        }

        [Fact]
        public async Task PostSendsAFormBodyWithNothingInTheQuery()
        {
            var handler = new RecordingHandler();
            using var transport = TestCredentials.Transport(handler, o => o.RequestMethod = RequestMethod.Post);

            await transport.SendAsync(CreateSprite("a+b c&d"), CancellationToken.None);

            var request = Assert.Single(handler.Requests);
            Assert.Equal(HttpMethod.Post, request.Method);
            Assert.Equal(string.Empty, request.Uri.Query);
            Assert.Equal("application/x-www-form-urlencoded", request.ContentType);
            Assert.Equal("a+b c&d", TestCredentials.ParseForm(request.Body!)["fileId"]);
            AssertSignatureValid("POST", "127.0.0.1:8080", "/v2/index.php", request.Body!, SignatureMethod.HmacSHA256);
        }

        [Fact]
        public async Task LongRequestsSwitchToPostAndAreSignedForPost()
        {
            var handler = new RecordingHandler();
            using var transport = TestCredentials.Transport(handler);
            string fileId = new string('f', 10 * 1024);

            await transport.SendAsync(CreateSprite(fileId), CancellationToken.None);

            var request = Assert.Single(handler.Requests);
            Assert.Equal(HttpMethod.Post, request.Method);
            Assert.Equal(fileId, TestCredentials.ParseForm(request.Body!)["fileId"]);
            AssertSignatureValid("POST", "127.0.0.1:8080", "/v2/index.php", request.Body!, SignatureMethod.HmacSHA256);
        }

        [Fact]
        public async Task HmacSha1IsUsedAndAnnouncedWhenChosen()
        {
            var handler = new RecordingHandler();
            using var transport = TestCredentials.Transport(handler, o => o.SignatureMethod = SignatureMethod.HmacSHA1);

            await transport.SendAsync(CreateSprite("f"), CancellationToken.None);

            string query = handler.Requests[0].Uri.Query;
            Assert.Equal("HmacSHA1", TestCredentials.ParseForm(query)["SignatureMethod"]);
            AssertSignatureValid("GET", "127.0.0.1:8080", "/v2/index.php", query, SignatureMethod.HmacSHA1);
        }

        [Fact]
        public async Task CommonParametersCarryClockRegionTokenAndAFreshNonce()
        {
            var handler = new RecordingHandler();
            using var transport = TestCredentials.Transport(handler, o => o.Region = "sh", token: "session-token&x");

            await transport.SendAsync(CreateSprite("f"), CancellationToken.None);
            await transport.SendAsync(CreateSprite("f"), CancellationToken.None);

            var first = TestCredentials.ParseForm(handler.Requests[0].Uri.Query);
            var second = TestCredentials.ParseForm(handler.Requests[1].Uri.Query);
            Assert.Equal("1700000000", first["Timestamp"]);
            Assert.Equal("sh", first["Region"]);
            Assert.Equal("session-token&x", first["Token"]);
            Assert.Equal(TestCredentials.SecretId, first["SecretId"]);
            Assert.True(uint.Parse(first["Nonce"]) > 0);
            Assert.NotEqual(first["Nonce"], second["Nonce"]);
        }

        [Fact]
        public async Task TraceRedactsSignatureAndToken()
        {
            var handler = new RecordingHandler();
            var lines = new System.Collections.Generic.List<string>();
            using var transport = TestCredentials.Transport(handler, o => o.Trace = lines.Add, token: "tok-secret-value");

            await transport.SendAsync(CreateSprite("f"), CancellationToken.None);

            string signature = TestCredentials.ParseForm(handler.Requests[0].Uri.Query)["Signature"];
            string all = string.Join("\n", lines);
            Assert.Contains("Signature=***", all);
            Assert.Contains("Token=***", all);
            Assert.DoesNotContain(signature, all);
            Assert.DoesNotContain(Uri.EscapeDataString(signature), all);
            Assert.DoesNotContain("tok-secret-value", all);
            Assert.DoesNotContain(TestCredentials.SecretKey, all);
        }

        [Fact]
        public void EndpointWithPortSignsTheAuthorityAsSent()
        {
            var endpoint = VodEndpoint.Create(new Uri("https://vod.api.qcloud.com"));
            Assert.Equal("vod.api.qcloud.com", endpoint.Authority);
            Assert.Equal("/v2/index.php", endpoint.Path);

            var loopback = VodEndpoint.Create(new Uri("http://127.0.0.1:5123/"));
            Assert.Equal("127.0.0.1:5123", loopback.Authority);
        }

        [Theory]
        [InlineData("http://vod.api.qcloud.com", "InsecureEndpoint")]
        [InlineData("http://10.0.0.5:8080", "InsecureEndpoint")]
        [InlineData("ftp://127.0.0.1", "InsecureEndpoint")]
        [InlineData("https://vod.api.qcloud.com/v2/index.php?x=1", "InvalidEndpoint")]
        public void EndpointsThatWouldLeakOrMangleRequestsAreRefused(string uri, string errorId)
        {
            var ex = Assert.Throws<VodPowerShell.Core.Errors.VodException>(() => VodEndpoint.Create(new Uri(uri)));
            Assert.Equal(errorId, ex.Error.ErrorId);
        }

        [Theory]
        [InlineData("http://localhost:9000")]
        [InlineData("http://[::1]:9000")]
        [InlineData("http://127.0.0.2:9000")]
        public void PlainHttpIsAllowedToLoopback(string uri) => Assert.NotNull(VodEndpoint.Create(new Uri(uri)));
    }
}
