using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using VodPowerShell.Core.Client;
using VodPowerShell.Core.Http;
using VodPowerShell.Core.Models;
using VodPowerShell.Core.Operations;
using VodPowerShell.Core.Protocol.V2;
using VodPowerShell.Core.Tests.TestSupport;
using Xunit;

namespace VodPowerShell.Core.Tests.Client
{
    /// <summary>
    /// Each mechanism that keeps a lost answer from becoming a second task, on its own: the HTTP stack's silent
    /// resend, v2's 4500 for the spent Nonce that follows it, and API 3.0's SessionId (docs/protocol.md).
    /// </summary>
    public class ExactlyOnceTests
    {
        private static readonly RetryOptions NoWaiting = new() { Delay = (_, _) => Task.CompletedTask };

        private static HttpResponseMessage WithServiceDate(string json, DateTimeOffset date)
        {
            var response = RecordingHandler.Json(json);
            response.Headers.Date = date;
            return response;
        }

        private static string V2TaskList(string taskId) =>
            $"{{\"code\":0,\"message\":\"\",\"data\":{{\"taskList\":[{{\"vodTaskId\":\"{taskId}\",\"type\":\"imageSprite\",\"createTime\":{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}}}]}}}}";

        private const string EmptyV2TaskList = "{\"code\":0,\"message\":\"\",\"data\":{\"taskList\":[]}}";

        private static int Creates(RecordingHandler handler) =>
            handler.Requests.Count(r => TestCredentials.Sent(r)["Action"] == "CreateImageSprite");

        [Fact]
        public async Task TheHttpStackResendsARequestWithoutABodyWhoseConnectionClosedBeforeAnyAnswer()
        {
            // 1: answered; 2: read, then the keep-alive connection ends with no answer byte (FIN).
            using var server = new ClosingServer((number, _) => number == 2 ? null : "{\"code\":0,\"message\":\"\",\"status\":\"T" + number + "\"}");
            using var http = VodHttp.CreateClient();
            using var transport = new V2Transport(new TransportOptions(VodEndpoint.Create(server.Endpoint)), TestCredentials.Credential(), http);

            await transport.SendAsync(new ApiRequest("GetTaskInfo", new RequestParameters(1).Add("vodTaskId", "a")), CancellationToken.None);
            var second = await transport.SendAsync(new ApiRequest("GetTaskInfo", new RequestParameters(1).Add("vodTaskId", "b")), CancellationToken.None);

            // The module sent "b" once; the server received the same bytes twice, and the caller saw one answer.
            Assert.Equal(3, server.RequestLines.Count);
            Assert.StartsWith("GET ", server.RequestLines[1], StringComparison.Ordinal);
            Assert.Equal(server.RequestLines[1], server.RequestLines[2]);
            Assert.Equal("T3", second.GetString("status"));
        }

        [Fact]
        public async Task ACreateTravelsWithABodySoTheHttpStackNeverResendsIt()
        {
            // The same dropped connection for a create: it arrives once, and its lost answer is reconciled.
            using var server = new ClosingServer((number, line) =>
                number == 2 ? null
                : line.Contains("Action=GetTaskInfo") ? "{\"code\":0,\"message\":\"\",\"status\":\"FINISH\"}"
                : line.Contains("status=PROCESSING") ? V2TaskList("FIRST") : EmptyV2TaskList);
            using var http = VodHttp.CreateClient();
            var api = new V2Api(new TransportOptions(VodEndpoint.Create(server.Endpoint)), TestCredentials.Credential(), http);
            using var client = new VodClient(api, NoWaiting);
            await client.SendAsync(TaskOperations.GetTask, "earlier", CancellationToken.None); // so the create travels on a reused keep-alive connection

            var result = await client.CreateImageSpriteAsync("f1", 10, CancellationToken.None);

            var create = Assert.Single(server.RequestLines, line => line.Contains("Action=CreateImageSprite"));
            Assert.StartsWith("POST ", create, StringComparison.Ordinal);
            Assert.Equal(SubmissionStatus.Submitted, result.Status);
            Assert.True(result.Reconciled);
            Assert.Equal("FIRST", result.VodTaskId);
        }

        [Fact]
        public async Task ASpentNonceOnACreateIsLookedUpAndNeverResigned()
        {
            var handler = new RecordingHandler()
                .Answer(() => WithServiceDate("{\"code\":4500,\"message\":\"replay\"}", TestCredentials.FixedNow))
                .AnswerJson(EmptyV2TaskList)
                .AnswerJson(V2TaskList("FIRST"))
                .AnswerJson(EmptyV2TaskList);
            using var client = new VodClient(TestCredentials.Api(handler), NoWaiting);

            var result = await client.CreateImageSpriteAsync("f1", 10, CancellationToken.None);

            Assert.Equal(SubmissionStatus.Submitted, result.Status);
            Assert.True(result.Reconciled);
            Assert.Equal("FIRST", result.VodTaskId);
            Assert.Equal(1, Creates(handler));
        }

        [Fact]
        public async Task ASpentNonceWithProvablyNoTaskIsSentAgainWithAFreshNonce()
        {
            var handler = new RecordingHandler()
                .Answer(() => WithServiceDate("{\"code\":4500,\"message\":\"replay\"}", TestCredentials.FixedNow))
                .AnswerJson(EmptyV2TaskList).AnswerJson(EmptyV2TaskList).AnswerJson(EmptyV2TaskList)
                .AnswerJson("{\"code\":0,\"message\":\"\",\"vodTaskId\":\"SECOND\"}");
            using var client = new VodClient(TestCredentials.Api(handler), NoWaiting);

            var result = await client.CreateImageSpriteAsync("f1", 10, CancellationToken.None);

            Assert.Equal("SECOND", result.VodTaskId);
            Assert.False(result.Reconciled);
            var creates = handler.Requests.Where(r => TestCredentials.Sent(r)["Action"] == "CreateImageSprite").ToList();
            Assert.Equal(2, creates.Count);
            Assert.NotEqual(TestCredentials.Sent(creates[0])["Nonce"], TestCredentials.Sent(creates[1])["Nonce"]);
        }

        [Fact]
        public async Task AReadWithASpentNonceIsSimplySentAgain()
        {
            var handler = new RecordingHandler()
                .Answer(() => WithServiceDate("{\"code\":4500,\"message\":\"replay\"}", TestCredentials.FixedNow))
                .AnswerJson("{\"code\":0,\"message\":\"\",\"type\":\"imageSprite\",\"status\":\"PROCESSING\"}");
            using var client = new VodClient(TestCredentials.Api(handler), NoWaiting);

            var outcome = await client.SendAsync(TaskOperations.GetTask, "T", CancellationToken.None);

            Assert.True(outcome.IsSuccess);
            Assert.Equal(2, handler.Requests.Count);
        }

        private static JsonElement SentJson(RecordingHandler handler, int index) => JsonDocument.Parse(handler.Requests[index].Body!).RootElement;

        private static int V3Creates(RecordingHandler handler) =>
            handler.Raw.Count(r => r.Headers.TryGetValue("X-TC-Action", out var action) && action == "ProcessMedia");

        private static string V3TaskList(string taskId) =>
            $$$"""{"Response":{"TaskSet":[{"TaskId":"{{{taskId}}}","TaskType":"Procedure","Status":"PROCESSING","CreateTime":"{{{DateTimeOffset.UtcNow:yyyy-MM-ddTHH:mm:ssZ}}}"}],"RequestId":"l"}}""";

        private const string EmptyV3TaskList = """{"Response":{"TaskSet":[],"RequestId":"l"}}""";
        private const string DuplicateSession = """{"Response":{"Error":{"Code":"InvalidParameterValue.SessionId","Message":"duplicate"},"RequestId":"dup"}}""";

        [Fact]
        public async Task EveryAttemptOfOneFileCarriesTheSameSessionId()
        {
            var handler = new RecordingHandler()
                .AnswerJson("""{"Response":{"TaskId":""")
                .AnswerJson(EmptyV3TaskList).AnswerJson(EmptyV3TaskList).AnswerJson(EmptyV3TaskList)
                .AnswerJson("""{"Response":{"TaskId":"T","RequestId":"r"}}""");
            using var client = new VodClient(TestCredentials.V3Api(handler), NoWaiting);

            var result = await client.CreateImageSpriteAsync("f", 10, CancellationToken.None);

            Assert.Equal("T", result.VodTaskId);
            string first = SentJson(handler, 0).GetProperty("SessionId").GetString()!;
            Assert.Equal(first, SentJson(handler, 4).GetProperty("SessionId").GetString());
            Assert.Equal(first, result.SessionId);
            Assert.InRange(first.Length, 1, IdempotencyKey.MaxLength);
            Assert.Equal(client.IdempotencyKeyFor("f", 10), first);
        }

        [Fact]
        public async Task ARepeatedSessionIdAdoptsTheOriginalTaskAsReconciled()
        {
            var handler = new RecordingHandler().AnswerJson(DuplicateSession).AnswerJson(V3TaskList("ORIGINAL")).AnswerJson(EmptyV3TaskList);
            using var client = new VodClient(TestCredentials.V3Api(handler), NoWaiting);

            var result = await client.CreateImageSpriteAsync("f", 10, CancellationToken.None);

            Assert.Equal(SubmissionStatus.Submitted, result.Status);
            Assert.True(result.Reconciled);
            Assert.Equal("ORIGINAL", result.VodTaskId);
            Assert.Equal(1, V3Creates(handler));
        }

        [Fact]
        public async Task ARepeatedSessionIdWhoseTaskCannotBeFoundIsUnknownAndNeverResent()
        {
            var handler = new RecordingHandler().AnswerJson(DuplicateSession).AnswerJson(EmptyV3TaskList);
            using var client = new VodClient(TestCredentials.V3Api(handler), NoWaiting);

            var result = await client.CreateImageSpriteAsync("f", 10, CancellationToken.None);

            Assert.Equal(SubmissionStatus.Unknown, result.Status);
            Assert.Equal("SubmissionUnknown", result.ErrorId);
            Assert.Equal(1, V3Creates(handler));
        }

        [Fact]
        public void KeysAreStablePerRunAndDifferAcrossRunsFilesAndDefinitions()
        {
            string salt = IdempotencyKey.NewRunSalt();
            Assert.Equal(IdempotencyKey.For(salt, "f", 10), IdempotencyKey.For(salt, "f", 10));
            Assert.NotEqual(IdempotencyKey.For(salt, "f", 10), IdempotencyKey.For(salt, "f", 11));
            Assert.NotEqual(IdempotencyKey.For(salt, "f", 10), IdempotencyKey.For(salt, "g", 10));
            Assert.NotEqual(IdempotencyKey.For(salt, "f", 10), IdempotencyKey.For(IdempotencyKey.NewRunSalt(), "f", 10));
            Assert.True(IdempotencyKey.For(salt, new string('x', 10_000), 10).Length <= IdempotencyKey.MaxLength);
        }
    }
}
