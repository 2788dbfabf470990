using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using VodPowerShell.Core.Client;
using VodPowerShell.Core.Models;
using VodPowerShell.Core.Operations;
using VodPowerShell.Core.Tests.TestSupport;
using Xunit;

namespace VodPowerShell.Core.Tests.Client
{
    public class VodClientTests
    {
        private readonly List<TimeSpan> waits = new();

        private VodClient Client(RecordingHandler handler, int maximumRetryCount = 3) =>
            new(TestCredentials.Api(handler), new RetryOptions
            {
                MaximumRetryCount = maximumRetryCount,
                Delay = (wait, _) => { waits.Add(wait); return Task.CompletedTask; },
            });

        [Fact]
        public async Task SuccessReturnsTheTaskId()
        {
            var handler = new RecordingHandler().AnswerJson("{\"code\":0,\"message\":\"\",\"codeDesc\":\"Success\",\"vodTaskId\":\"CreateImageSprite-42\"}");

            var result = await Client(handler).CreateImageSpriteAsync("f1", 10, CancellationToken.None);

            Assert.Equal(SubmissionStatus.Submitted, result.Status);
            Assert.Equal("CreateImageSprite-42", result.VodTaskId);
            Assert.Equal(0, result.Code);
            Assert.Equal(1, result.Attempts);
            Assert.NotNull(result.SubmittedAt);
            Assert.Equal("http://127.0.0.1:8080/v2/index.php", result.Endpoint);
        }

        [Fact]
        public async Task TransientServiceCodesAreRetriedWithGrowingWaits()
        {
            var handler = new RecordingHandler()
                .AnswerJson("{\"code\":6000,\"message\":\"busy\"}")
                .AnswerJson("{\"code\":5100,\"message\":\"busy\"}")
                .AnswerJson("{\"code\":0,\"message\":\"\",\"vodTaskId\":\"T\"}");

            var result = await Client(handler).CreateImageSpriteAsync("f1", 10, CancellationToken.None);

            Assert.Equal(SubmissionStatus.Submitted, result.Status);
            Assert.Equal(3, result.Attempts);
            Assert.Equal(3, handler.Requests.Count);
            Assert.Equal(2, waits.Count);
            Assert.True(waits[1] > waits[0]);
        }

        [Fact]
        public async Task RetriesStopAtTheLimitAndReportTheLastError()
        {
            var handler = new RecordingHandler().AnswerJson("{\"code\":6200,\"message\":\"maintenance\"}");

            var result = await Client(handler, maximumRetryCount: 2).CreateImageSpriteAsync("f1", 10, CancellationToken.None);

            Assert.Equal(SubmissionStatus.Failed, result.Status);
            Assert.Equal(6200, result.Code);
            Assert.Equal("ServiceUnavailable", result.ErrorId);
            Assert.Equal(3, result.Attempts);
        }

        [Theory]
        [InlineData(1000, "InvalidArgument")]
        [InlineData(10009, "UnexpectedFileStatus")]
        [InlineData(4100, "AuthenticationFailed")]
        public async Task PermanentFailuresAreNeverRetried(int code, string errorId)
        {
            var handler = new RecordingHandler().AnswerJson($"{{\"code\":{code},\"message\":\"no\"}}");

            var result = await Client(handler).CreateImageSpriteAsync("f1", 10, CancellationToken.None);

            Assert.Equal(SubmissionStatus.Failed, result.Status);
            Assert.Equal(errorId, result.ErrorId);
            Assert.Single(handler.Requests);
            Assert.Empty(waits);
        }

        [Fact]
        public async Task AReplayRejectionThatDoesNotBlameTheClockNeverResendsACreate()
        {
            // 4500 without a Date that shows skew: the Nonce may have been spent by an earlier copy that acted.
            // Re-signing would risk a second task; the file's tasks cannot be listed either, so it is Unknown.
            var handler = new RecordingHandler().AnswerJson("{\"code\":4500,\"message\":\"replay\"}");

            var result = await Client(handler).CreateImageSpriteAsync("f1", 10, CancellationToken.None);

            Assert.Equal(1, Creates(handler));
            Assert.Equal(SubmissionStatus.Unknown, result.Status);
            Assert.Contains("Nonce was already used", result.Message);
        }

        [Fact]
        public async Task AStaleTimestampIsResignedOnceWithoutWaiting()
        {
            var handler = new RecordingHandler()
                .Answer(() =>
                {
                    var response = RecordingHandler.Json("{\"code\":4500,\"message\":\"expired\"}");
                    response.Headers.Date = TestCredentials.FixedNow.AddMinutes(20);
                    return response;
                })
                .AnswerJson("{\"code\":0,\"message\":\"\",\"vodTaskId\":\"T\"}");

            var result = await Client(handler).CreateImageSpriteAsync("f1", 10, CancellationToken.None);

            Assert.Equal(2, handler.Requests.Count);
            Assert.NotEqual(handler.Requests[0].Body, handler.Requests[1].Body);
            Assert.Equal("T", result.VodTaskId);
            Assert.Empty(waits);
        }

        [Fact]
        public async Task AnHtmlErrorPageIsRetriedThenReportedAsAFailedResultNotAnException()
        {
            var handler = new RecordingHandler().Answer(() => new HttpResponseMessage(System.Net.HttpStatusCode.BadGateway) { Content = new StringContent("<html>502</html>") });

            var result = await Client(handler, maximumRetryCount: 1).CreateImageSpriteAsync("f1", 10, CancellationToken.None);

            Assert.Equal(SubmissionStatus.Failed, result.Status);
            Assert.Equal("HttpServerError", result.ErrorId);
            Assert.Equal(502, result.HttpStatus);
            Assert.Null(result.Code);
            Assert.Equal(2, handler.Requests.Count);
        }

        private static int Creates(RecordingHandler handler) =>
            handler.Requests.Count(r => TestCredentials.Sent(r)["Action"] == "CreateImageSprite");

        [Fact]
        public async Task ALostAnswerThatCannotBeReconciledIsUnknownAndNeverResent()
        {
            // Every answer is cut short, the task lookups included: nothing can be decided.
            var handler = new RecordingHandler().AnswerJson("{\"code\":0,\"message\":\"\",\"vodTask");

            var result = await Client(handler).CreateImageSpriteAsync("f1", 10, CancellationToken.None);

            Assert.Equal(SubmissionStatus.Unknown, result.Status);
            Assert.Equal("SubmissionUnknown", result.ErrorId);
            Assert.Equal(1, Creates(handler));
        }

        [Fact]
        public async Task ALostAnswerIsReconciledFromTheFilesTasks()
        {
            long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            var handler = new RecordingHandler()
                .AnswerJson("{\"code\":0,\"message\":\"\",\"vodTask")
                .AnswerJson("{\"code\":0,\"message\":\"\",\"data\":{\"taskList\":[]}}")
                .AnswerJson($"{{\"code\":0,\"message\":\"\",\"data\":{{\"taskList\":[{{\"vodTaskId\":\"OLD\",\"type\":\"imageSprite\",\"createTime\":{now - 3600}}},{{\"vodTaskId\":\"NEW\",\"type\":\"imageSprite\",\"createTime\":{now}}}]}}}}")
                .AnswerJson("{\"code\":0,\"message\":\"\",\"data\":{\"taskList\":[]}}");

            var result = await Client(handler).CreateImageSpriteAsync("f1", 10, CancellationToken.None);

            Assert.Equal(SubmissionStatus.Submitted, result.Status);
            Assert.Equal("NEW", result.VodTaskId);
            Assert.True(result.Reconciled);
            Assert.Equal(1, Creates(handler));
        }

        [Fact]
        public async Task ALostAnswerWithProvablyNoTaskIsSentAgain()
        {
            var handler = new RecordingHandler()
                .AnswerJson("{\"code\":0,\"message\":\"\",\"vodTask")
                .AnswerJson("{\"code\":0,\"message\":\"\",\"data\":{\"taskList\":[]}}")
                .AnswerJson("{\"code\":0,\"message\":\"\",\"data\":{\"taskList\":[]}}")
                .AnswerJson("{\"code\":0,\"message\":\"\",\"data\":{\"taskList\":[]}}")
                .AnswerJson("{\"code\":0,\"message\":\"\",\"vodTaskId\":\"SECOND\"}");

            var result = await Client(handler).CreateImageSpriteAsync("f1", 10, CancellationToken.None);

            Assert.Equal(SubmissionStatus.Submitted, result.Status);
            Assert.Equal("SECOND", result.VodTaskId);
            Assert.False(result.Reconciled);
            Assert.Equal(2, Creates(handler));
            Assert.Equal(2, result.Attempts);
        }

        [Fact]
        public async Task QuotaRejectionsAreRetriedWithoutUsingUpTheRetryCount()
        {
            var handler = new RecordingHandler()
                .AnswerJson("{\"code\":4400,\"message\":\"quota\"}")
                .AnswerJson("{\"code\":4400,\"message\":\"quota\"}")
                .AnswerJson("{\"code\":4400,\"message\":\"quota\"}")
                .AnswerJson("{\"code\":0,\"message\":\"\",\"vodTaskId\":\"T\"}");

            var result = await Client(handler, maximumRetryCount: 0).CreateImageSpriteAsync("f1", 10, CancellationToken.None);

            Assert.Equal(SubmissionStatus.Submitted, result.Status);
            Assert.Equal(4, handler.Requests.Count);
            Assert.Equal(3, waits.Count);
        }

        [Fact]
        public async Task ATruncatedAnswerToAReadIsRetried()
        {
            var handler = new RecordingHandler()
                .AnswerJson("{\"code\":0,\"message\":\"\",\"sta")
                .AnswerJson("{\"code\":0,\"message\":\"\",\"type\":\"imageSprite\",\"status\":\"FINISH\",\"data\":{\"status\":0,\"totalCount\":106,\"imageSpriteUrl\":[\"u1\",\"u2\"]}}");

            var outcome = await Client(handler).SendAsync(TaskOperations.GetTask, "T1", CancellationToken.None);

            Assert.True(outcome.IsSuccess);
            Assert.Equal(VodTaskStatus.Finish, outcome.Value!.Status);
            Assert.Equal(106, outcome.Value.TotalCount);
            Assert.Equal(new[] { "u1", "u2" }, outcome.Value.ImageSpriteUrls);
            Assert.True(outcome.Value.Succeeded);
            Assert.Equal(2, handler.Requests.Count);
        }
    
        [Fact]
        public async Task AnOversizedAnswerIsRefusedWithoutBeingRead()
        {
            var handler = new RecordingHandler().Answer(() => RecordingHandler.Json("{\"code\":0,\"pad\":\"" + new string('x', 5 * 1024 * 1024) + "\"}"));

            var result = await Client(handler).CreateImageSpriteAsync("f1", 10, CancellationToken.None);

            // Unread, the answer may hide a created task, and the lookup's answers are oversized too: Unknown.
            Assert.Equal(SubmissionStatus.Unknown, result.Status);
            Assert.Contains("larger than 4 MB", result.Message);
            Assert.Equal(1, Creates(handler));
        }
    }
}
