using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using VodPowerShell.Emulator.Tests.TestSupport;
using static VodPowerShell.Emulator.Tests.TestSupport.V3Wire;

namespace VodPowerShell.Emulator.Tests.V3
{
    /// <summary>
    /// What Tencent's own SDKs send, signed here by hand: TC3 with or without the port in host, the scope's service
    /// as the SDK derived it, TC3 over GET, and signature v1 over GET and form POST. Tolerant of the endpoint's
    /// shape, strict about what proves the signer holds the key.
    /// </summary>
    public class V3SdkCompatibilityTests
    {
        private const string ListBody = """{"Status":"WAITING","Limit":10}""";

        private static readonly KeyValuePair<string, string>[] SpriteFields =
        [
            new("FileId", "5285890781763144364"),
            new("MediaProcessTask.ImageSpriteTaskSet.0.Definition", "10"),
        ];

        [Theory]
        [InlineData(null, "vod")]
        [InlineData("127.0.0.1", "127")]
        [InlineData(null, "localhost:5000")]
        public async Task Tc3IsAcceptedWithOrWithoutThePortInHostAndAnyScopeService(string? signedHost, string service)
        {
            await using var emulator = await TestEmulator.StartAsync();

            Assert.Null(await ErrorCodeAsync(emulator, new Request("DescribeTasks", ListBody) { SignedHost = signedHost, Service = service }));
        }

        [Fact]
        public async Task Tc3SignedForAnotherHostIsASignatureFailure()
        {
            await using var emulator = await TestEmulator.StartAsync();

            Assert.Equal("AuthFailure.SignatureFailure", await ErrorCodeAsync(emulator, new Request("DescribeTasks", ListBody) { SignedHost = "vod.tencentcloudapi.com" }));
        }

        [Fact]
        public async Task WithAnSdkServiceLabelTheScopeDateStillMustBeTheTimestampsUtcDate()
        {
            await using var emulator = await TestEmulator.StartAsync();
            string yesterday = emulator.Clock.GetUtcNow().AddDays(-1).ToString("yyyy-MM-dd");

            Assert.Equal("AuthFailure.SignatureFailure", await ErrorCodeAsync(emulator, new Request("DescribeTasks", ListBody) { Service = "127", ScopeDate = yesterday }));
        }

        [Fact]
        public async Task Tc3OverGetReadsTheFieldsFromTheSignedQuery()
        {
            await using var emulator = await TestEmulator.StartAsync();
            const string query = "FileId=5285890781763144364&MediaProcessTask.ImageSpriteTaskSet.0.Definition=10";

            var created = await SendAsync(emulator, new Request("ProcessMedia", "") { Method = "GET", Query = query, Service = "127" });

            Assert.Null(ErrorCode(created));
            Assert.StartsWith("Procedure-", created.GetProperty("TaskId").GetString());
            Assert.Equal("5285890781763144364", emulator.Ledger[^1].FileId);
            Assert.Equal("GET", emulator.Ledger[^1].Method);
        }

        [Fact]
        public async Task Tc3OverGetWithAQueryChangedAfterSigningIsASignatureFailure()
        {
            await using var emulator = await TestEmulator.StartAsync();

            var request = new Request("DescribeTasks", "") { Method = "GET", Query = "Limit=10", SentQuery = "Limit=20" };

            Assert.Equal("AuthFailure.SignatureFailure", await ErrorCodeAsync(emulator, request));
        }

        [Theory]
        [InlineData("GET", "HmacSHA1")]
        [InlineData("GET", "HmacSHA256")]
        [InlineData("POST", "HmacSHA1")]
        [InlineData("POST", "HmacSHA256")]
        public async Task SignatureV1ServesTheSameActionsAsTheJsonBody(string method, string signatureMethod)
        {
            await using var emulator = await TestEmulator.StartAsync();

            var created = await SendSignatureV1Async(emulator, method, "ProcessMedia", SpriteFields, signatureMethod);
            string taskId = created.GetProperty("TaskId").GetString()!;
            var detail = await SendSignatureV1Async(emulator, method, "DescribeTaskDetail", [new("TaskId", taskId)], signatureMethod);
            var list = await SendSignatureV1Async(emulator, method, "DescribeTasks", [new("Limit", "5"), new("Status", "WAITING")], signatureMethod);

            Assert.Equal("WAITING", detail.GetProperty("Status").GetString());
            Assert.Equal(taskId, list.GetProperty("TaskSet")[0].GetProperty("TaskId").GetString());
            Assert.Equal("5285890781763144364", emulator.Ledger[0].FileId);
        }

        [Fact]
        public async Task SignatureV1ConfirmsEventsFromFlattenedHandles()
        {
            await using var emulator = await TestEmulator.StartAsync();
            await SendSignatureV1Async(emulator, "POST", "ProcessMedia", SpriteFields);
            emulator.Clock.Advance(System.TimeSpan.FromSeconds(1));

            var pulled = await SendSignatureV1Async(emulator, "GET", "PullEvents", []);
            var handles = pulled.GetProperty("EventSet").EnumerateArray().Select((e, i) => new KeyValuePair<string, string>("EventHandles." + i, e.GetProperty("EventHandle").GetString()!)).ToList();
            var confirmed = await SendSignatureV1Async(emulator, "POST", "ConfirmEvents", handles);

            Assert.NotEmpty(handles);
            Assert.Null(ErrorCode(confirmed));
        }

        [Theory]
        [InlineData(null, null)]
        [InlineData("127.0.0.1", null)]
        [InlineData("evil.example", "AuthFailure.SignatureFailure")]
        public async Task SignatureV1IsAcceptedWithOrWithoutThePortButNotForAnotherHost(string? signedHost, string? expected)
        {
            await using var emulator = await TestEmulator.StartAsync();

            Assert.Equal(expected, ErrorCode(await SendSignatureV1Async(emulator, "GET", "DescribeTasks", [], signedHost: signedHost)));
        }

        [Fact]
        public async Task SignatureV1StaysStrict()
        {
            await using var emulator = await TestEmulator.StartAsync();
            long now = emulator.Clock.GetUtcNow().ToUnixTimeSeconds();

            Assert.Equal("AuthFailure.SignatureFailure", ErrorCode(await SendSignatureV1Async(emulator, "GET", "DescribeTasks", [], secretKey: "not-the-key")));
            Assert.Equal("AuthFailure.SignatureFailure", ErrorCode(await SendSignatureV1Async(emulator, "POST", "DescribeTasks", [new("Limit", "5")],
                tamper: p => p.Select(x => x.Key == "Limit" ? new KeyValuePair<string, string>("Limit", "6") : x).ToList())));
            Assert.Equal("AuthFailure.SignatureExpire", ErrorCode(await SendSignatureV1Async(emulator, "GET", "DescribeTasks", [], timestamp: now - 301)));
            Assert.Equal("MissingParameter", ErrorCode(await SendSignatureV1Async(emulator, "GET", "DescribeTasks", [],
                tamper: p => p.Where(x => x.Key != "Signature").ToList())));

            // The same request twice: the second is a replay.
            Assert.Null(ErrorCode(await SendSignatureV1Async(emulator, "GET", "DescribeTasks", [], timestamp: now, nonce: 42)));
            Assert.Equal("AuthFailure.SignatureExpire", ErrorCode(await SendSignatureV1Async(emulator, "GET", "DescribeTasks", [], timestamp: now, nonce: 42)));
        }

        [Fact]
        public async Task SignatureV1RequiresAConfiguredTokenAsTheTokenParameter()
        {
            await using var emulator = await TestEmulator.StartAsync(o => o.Token = "session-token");

            Assert.Equal("AuthFailure.TokenFailure", ErrorCode(await SendSignatureV1Async(emulator, "GET", "DescribeTasks", [])));
            Assert.Null(ErrorCode(await SendSignatureV1Async(emulator, "GET", "DescribeTasks", [new("Token", "session-token")])));
        }

        [Fact]
        public async Task AnswersAreExactlyApplicationJsonAsTheSdksExpect()
        {
            await using var emulator = await TestEmulator.StartAsync();
            using var message = new HttpRequestMessage(HttpMethod.Post, emulator.Host.BaseAddress) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };

            using var response = await TestEmulator.AdminClient.SendAsync(message);

            Assert.Equal("application/json", response.Content.Headers.ContentType?.ToString());
        }
    }
}
