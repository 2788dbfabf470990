using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using VodPowerShell.Core.Client;
using VodPowerShell.Core.Models;
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
        public async Task ReplayRejectionIsResignedOnceWithoutWaiting()
        {
            var handler = new RecordingHandler().AnswerJson("{\"code\":4500,\"message\":\"replay\"}");

            var result = await Client(handler).CreateImageSpriteAsync("f1", 10, CancellationToken.None);

            Assert.Equal(2, handler.Requests.Count);
            Assert.NotEqual(handler.Requests[0].Uri.Query, handler.Requests[1].Uri.Query);
            Assert.Equal("ReplayRejected", result.ErrorId);
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

        [Fact]
        public async Task ATruncatedAnswerToACreateIsNeverResent()
        {
            var handler = new RecordingHandler().AnswerJson("{\"code\":0,\"message\":\"\",\"vodTask");

            var result = await Client(handler).CreateImageSpriteAsync("f1", 10, CancellationToken.None);

            Assert.Equal(SubmissionStatus.Failed, result.Status);
            Assert.Equal("MalformedResponse", result.ErrorId);
            Assert.Single(handler.Requests);
        }

        [Fact]
        public async Task ATruncatedAnswerToAReadIsRetried()
        {
            var handler = new RecordingHandler()
                .AnswerJson("{\"code\":0,\"message\":\"\",\"sta")
                .AnswerJson("{\"code\":0,\"message\":\"\",\"type\":\"imageSprite\",\"status\":\"FINISH\",\"data\":{\"status\":0,\"totalCount\":106,\"imageSpriteUrl\":[\"u1\",\"u2\"]}}");

            var outcome = await Client(handler).GetTaskAsync("T1", CancellationToken.None);

            Assert.True(outcome.IsSuccess);
            Assert.Equal(VodTaskStatus.Finish, outcome.Value!.Status);
            Assert.Equal(106, outcome.Value.TotalCount);
            Assert.Equal(new[] { "u1", "u2" }, outcome.Value.ImageSpriteUrls);
            Assert.True(outcome.Value.Succeeded);
            Assert.Equal(2, handler.Requests.Count);
        }
    }
}
