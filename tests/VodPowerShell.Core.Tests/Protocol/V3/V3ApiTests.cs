using System;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using VodPowerShell.Core.Api;
using VodPowerShell.Core.Client;
using VodPowerShell.Core.Errors;
using VodPowerShell.Core.Models;
using VodPowerShell.Core.Operations;
using VodPowerShell.Core.Tests.TestSupport;
using Xunit;

namespace VodPowerShell.Core.Tests.Protocol.V3
{
    public class V3ApiTests
    {
        // DescribeTaskDetail's Procedure example (V3/任务管理相关接口/查询任务详情.md), with its null
        // MediaProcessResultSet filled by one ImageSprites item shaped as MediaProcessTaskResult /
        // MediaProcessTaskImageSpriteResult / MediaImageSpriteItem (V3/数据结构.md).
        private const string ProcedureSpriteTask = """
            {"Response":{"TaskType":"Procedure","Status":"FINISH","CreateTime":"2019-02-21T08:27:42Z",
             "BeginProcessTime":"2019-02-21T08:27:43Z","FinishTime":"2019-02-21T08:27:44Z",
             "ProcedureTask":{"TaskId":"12567683xx-Procedure-2e1af2456351812be963e309cc133403t0","Status":"FINISH","ErrCode":0,"Message":"",
              "FileId":"5285890784246869930","FileName":"small",
              "MediaProcessResultSet":[
               {"Type":"Transcode","TranscodeTask":{"Status":"SUCCESS","ErrCode":0,"Message":"SUCCESS"},"ImageSpriteTask":null},
               {"Type":"ImageSprites","TranscodeTask":null,"ImageSpriteTask":{"Status":"SUCCESS","ErrCode":0,"Message":"SUCCESS",
                 "Input":{"Definition":10},
                 "Output":{"Definition":10,"Height":80,"Width":142,"TotalCount":106,
                  "ImageUrlSet":["http://12567683xx.vod2.myqcloud.com/xxx/1.jpg","http://12567683xx.vod2.myqcloud.com/xxx/2.jpg"],
                  "WebVttUrl":"http://12567683xx.vod2.myqcloud.com/xxx/imageSprite.vtt"}}}]},
             "EditMediaTask":null,"CreateImageSpriteTask":null,"RequestId":"sdfadf"}}
            """;

        private static JsonElement SentJson(RecordingHandler handler, int index = 0) => JsonDocument.Parse(handler.Raw[index].Body).RootElement;

        [Fact]
        public async Task ProcessMediaAsksForOneSpriteTaskAndReturnsItsTaskIdAndRequestId()
        {
            var handler = new RecordingHandler().AnswerJson("""{"Response":{"TaskId":"125xxx-Procedure-abc","RequestId":"req-1"}}""");
            using var api = TestCredentials.V3Api(handler);

            var outcome = await api.SendOperationAsync(TaskOperations.CreateImageSprite, new ImageSpriteRequest("5285890784246869930", 10), CancellationToken.None);

            var sent = SentJson(handler);
            Assert.Equal("5285890784246869930", sent.GetProperty("FileId").GetString());
            var spriteTask = Assert.Single(sent.GetProperty("MediaProcessTask").GetProperty("ImageSpriteTaskSet").EnumerateArray());
            Assert.Equal(10, spriteTask.GetProperty("Definition").GetInt32());
            Assert.False(sent.TryGetProperty("SubAppId", out _), "no SubAppId unless one is set");
            Assert.Equal("125xxx-Procedure-abc", outcome.Value);
            Assert.Equal("req-1", outcome.RequestId);
            Assert.Null(api.SubAppId);
        }

        [Fact]
        public async Task SubAppIdTravelsWithEveryActionAndIsReported()
        {
            var handler = new RecordingHandler().AnswerJson("""{"Response":{"TaskId":"T","RequestId":"r"}}""");
            using var client = new VodClient(TestCredentials.V3Api(handler, o => o.SubAppId = 1500000001UL));

            var result = await client.CreateImageSpriteAsync("f", 10, CancellationToken.None);
            await client.SendAsync(EventOperations.ConfirmEvents, new[] { "h" }, CancellationToken.None);
            var task = await client.SendAsync(TaskOperations.GetTask, "T", CancellationToken.None);

            Assert.All(Enumerable.Range(0, 3), i => Assert.Equal(1500000001UL, SentJson(handler, i).GetProperty("SubAppId").GetUInt64()));
            Assert.Equal(1500000001UL, result.SubAppId);
            Assert.Equal("r", result.RequestId);
            Assert.Equal(1500000001UL, task.Value!.SubAppId);
        }

        [Fact]
        public async Task AServiceErrorKeepsItsCodeInCodeDescAndItsRequestId()
        {
            var handler = new RecordingHandler().AnswerJson(
                """{"Response":{"Error":{"Code":"InvalidParameterValue.FileId","Message":"FileId not exist"},"RequestId":"req-err"}}""");
            using var api = TestCredentials.V3Api(handler);

            var outcome = await api.SendOperationAsync(TaskOperations.CreateImageSprite, new ImageSpriteRequest("missing", 10), CancellationToken.None);

            Assert.False(outcome.IsSuccess);
            Assert.Equal("req-err", outcome.RequestId);
            Assert.Equal("InvalidParameterValue.FileId", outcome.CodeDesc);
            Assert.Null(outcome.Code);
            Assert.Equal("InvalidParameterValue", outcome.Error!.ErrorId);
            Assert.Equal(VodErrorCategory.ObjectNotFound, outcome.Error.Category);
            Assert.Contains("FileId not exist", outcome.Message);
        }

        [Fact]
        public async Task ClientFailuresCarryTheRequestIdIntoTheReport()
        {
            var handler = new RecordingHandler().AnswerJson("""{"Response":{"Error":{"Code":"UnauthorizedOperation","Message":"no"},"RequestId":"req-403"}}""");
            using var client = new VodClient(TestCredentials.V3Api(handler));

            var result = await client.CreateImageSpriteAsync("f", 10, CancellationToken.None);

            Assert.Equal(SubmissionStatus.Failed, result.Status);
            Assert.Equal("req-403", result.RequestId);
            Assert.Equal("UnauthorizedOperation", result.CodeDesc);
            Assert.Equal(VodErrorCategory.PermissionDenied, result.ErrorCategory);
            Assert.Equal(1, result.Attempts);
        }

        [Fact]
        public async Task SuccessWithoutATaskIdIsAnAmbiguousFailure()
        {
            var handler = new RecordingHandler().AnswerJson("""{"Response":{"RequestId":"r"}}""");
            using var api = TestCredentials.V3Api(handler);

            var outcome = await api.SendOperationAsync(TaskOperations.CreateImageSprite, new ImageSpriteRequest("f", 10), CancellationToken.None);

            Assert.True(outcome.Error!.IsAmbiguous);
            Assert.Equal("r", outcome.RequestId);
        }

        [Fact]
        public async Task DescribeTaskDetailReadsAProcessMediaSpriteFromTheTaskFlow()
        {
            var handler = new RecordingHandler().AnswerJson(ProcedureSpriteTask);
            using var api = TestCredentials.V3Api(handler);

            var outcome = await api.SendOperationAsync(TaskOperations.GetTask, "12567683xx-Procedure-2e1af2456351812be963e309cc133403t0", CancellationToken.None);

            Assert.Equal("DescribeTaskDetail", handler.Raw[0].Headers["X-TC-Action"]);
            Assert.Equal("12567683xx-Procedure-2e1af2456351812be963e309cc133403t0", SentJson(handler).GetProperty("TaskId").GetString());
            var task = outcome.Value!;
            Assert.Equal("Procedure", task.TaskType);
            Assert.Equal(VodTaskStatus.Finish, task.Status);
            Assert.Equal(DateTimeOffset.Parse("2019-02-21T08:27:43Z"), task.BeginProcessTime);
            Assert.Equal("5285890784246869930", task.FileId);
            Assert.Equal(10, task.Definition);
            Assert.Equal(106, task.TotalCount);
            Assert.Equal(2, task.ImageSpriteUrls.Count);
            Assert.EndsWith("imageSprite.vtt", task.WebVttUrl);
            Assert.Equal(0, task.ErrorCode);
            Assert.Null(task.ErrorMessage);
            Assert.True(task.Succeeded);
            Assert.Equal("sdfadf", task.RequestId);
            Assert.Equal("sdfadf", outcome.RequestId);
        }

        [Fact]
        public async Task DescribeTaskDetailReadsALegacyCreateImageSpriteTask()
        {
            var handler = new RecordingHandler().AnswerJson("""
                {"Response":{"TaskType":"ImageSprites","Status":"FINISH","CreateTime":"2019-01-22T06:50:31Z","BeginProcessTime":"2019-01-22T06:50:32Z",
                 "FinishTime":"2019-01-22T06:50:45Z","ProcedureTask":null,
                 "CreateImageSpriteTask":{"TaskId":"CreateImageSprite-1edb","ErrCode":-43001,"Message":"decode failed","FileId":"1450",
                  "Definition":10,"TotalCount":0,"ImageSpriteUrlSet":[],"WebVttUrl":""},"RequestId":"r2"}}
                """);
            using var api = TestCredentials.V3Api(handler);

            var task = (await api.SendOperationAsync(TaskOperations.GetTask, "CreateImageSprite-1edb", CancellationToken.None)).Value!;

            Assert.Equal("CreateImageSprite-1edb", task.TaskId);
            Assert.Equal("1450", task.FileId);
            Assert.Equal(-43001, task.ErrorCode);
            Assert.Equal("decode failed", task.ErrorMessage);
            Assert.False(task.Succeeded);
            Assert.Null(task.WebVttUrl);
        }

        [Fact]
        public async Task ARunningSpriteIsNotReportedAsASuccess()
        {
            var handler = new RecordingHandler().AnswerJson("""
                {"Response":{"TaskType":"Procedure","Status":"PROCESSING","CreateTime":"2019-02-21T08:27:42Z","BeginProcessTime":"","FinishTime":"",
                 "ProcedureTask":{"TaskId":"P","FileId":"F","ErrCode":0,"MediaProcessResultSet":[{"Type":"ImageSprites",
                  "ImageSpriteTask":{"Status":"PROCESSING","ErrCode":0,"Message":"","Input":{"Definition":10},"Output":null}}]},"RequestId":"r"}}
                """);
            using var api = TestCredentials.V3Api(handler);

            var task = (await api.SendOperationAsync(TaskOperations.GetTask, "P", CancellationToken.None)).Value!;

            Assert.Equal(VodTaskStatus.Processing, task.Status);
            Assert.Null(task.ErrorCode);
            Assert.Null(task.Succeeded);
            Assert.Null(task.BeginProcessTime);
        }

        [Fact]
        public async Task DescribeTasksSendsStatusLimitAndScrollTokenAndPagesOnTheToken()
        {
            var handler = new RecordingHandler().AnswerJson("""
                {"Response":{"TaskSet":[{"TaskId":"T1","TaskType":"Procedure","CreateTime":"2019-01-09T16:36:22Z","BeginProcessTime":"2019-01-09T16:36:23Z","FinishTime":""}],
                 "ScrollToken":"tok-2","RequestId":"r"}}
                """);
            using var api = TestCredentials.V3Api(handler);

            var page = (await api.SendOperationAsync(TaskOperations.ListTasks, new TaskListRequest(VodTaskStatus.Processing, "f1", 500, "tok-1"), CancellationToken.None)).Value!;

            var sent = SentJson(handler);
            Assert.Equal("DescribeTasks", handler.Raw[0].Headers["X-TC-Action"]);
            Assert.Equal("PROCESSING", sent.GetProperty("Status").GetString());
            Assert.Equal("f1", sent.GetProperty("FileId").GetString());
            Assert.Equal(100, sent.GetProperty("Limit").GetInt32());
            Assert.Equal("tok-1", sent.GetProperty("ScrollToken").GetString());
            var task = Assert.Single(page.Tasks);
            Assert.Equal("T1", task.TaskId);
            Assert.Equal(VodTaskStatus.Processing, task.Status);
            Assert.Equal("f1", task.FileId);
            Assert.Null(task.FinishTime);
            Assert.Equal("tok-2", page.Next);
        }

        [Fact]
        public async Task PullEventsReadsEachEventContentWithItsHandle()
        {
            var handler = new RecordingHandler().AnswerJson("""
                {"Response":{"EventSet":[
                  {"EventHandle":"EventHandle1","EventType":"ProcedureStateChanged","FileUploadEvent":null,
                   "ProcedureStateChangeEvent":{"TaskId":"1256768367-Procedure-475b","Status":"FINISH","ErrCode":0,"Message":"","FileId":"5285890784246869930",
                    "MediaProcessResultSet":[{"Type":"ImageSprites","ImageSpriteTask":{"Status":"SUCCESS","ErrCode":0,"Message":"SUCCESS",
                     "Input":{"Definition":10},"Output":{"TotalCount":3,"ImageUrlSet":["a/1.jpg"],"WebVttUrl":"a/x.vtt"}}}]},
                   "CreateImageSpriteCompleteEvent":null},
                  {"EventHandle":"EventHandle2","EventType":"NewFileUpload","FileUploadEvent":{"FileId":"5285890784273533167"},"ProcedureStateChangeEvent":null}],
                 "RequestId":"335bdaa3"}}
                """);
            using var api = TestCredentials.V3Api(handler);

            var outcome = await api.SendOperationAsync(EventOperations.PullEvents, default(NoRequest), CancellationToken.None);

            Assert.Equal("PullEvents", handler.Raw[0].Headers["X-TC-Action"]);
            Assert.Equal("{}", System.Text.Encoding.UTF8.GetString(handler.Raw[0].Body));
            Assert.Equal(new[] { "EventHandle1", "EventHandle2" }, outcome.Value!.Select(e => e.EventHandle));
            var sprite = outcome.Value![0];
            Assert.Equal("1256768367-Procedure-475b", sprite.TaskId);
            Assert.Equal(3, sprite.TotalCount);
            Assert.True(sprite.Succeeded);
            Assert.Equal("335bdaa3", outcome.RequestId);
        }

        [Theory]
        [InlineData("""{"Response":{"EventSet":[],"RequestId":"r"}}""")]
        [InlineData("""{"Response":{"EventSet":null,"RequestId":"r"}}""")]
        [InlineData("""{"Response":{"RequestId":"r"}}""")]
        [InlineData("""{"Response":{"Error":{"Code":"ResourceNotFound","Message":"no event"},"RequestId":"r"}}""")]
        public async Task AnEmptyQueueIsAnEmptyListNotAnError(string answer)
        {
            var handler = new RecordingHandler().AnswerJson(answer);
            using var api = TestCredentials.V3Api(handler);

            var outcome = await api.SendOperationAsync(EventOperations.PullEvents, default(NoRequest), CancellationToken.None);

            Assert.True(outcome.IsSuccess);
            Assert.Empty(outcome.Value!);
            Assert.Equal("r", outcome.RequestId);
        }

        [Fact]
        public async Task OtherPullErrorsStayErrors()
        {
            var handler = new RecordingHandler().AnswerJson("""{"Response":{"Error":{"Code":"ResourceNotFound.UserNotExist","Message":"x"},"RequestId":"r"}}""");
            using var api = TestCredentials.V3Api(handler);

            Assert.False((await api.SendOperationAsync(EventOperations.PullEvents, default(NoRequest), CancellationToken.None)).IsSuccess);
        }

        [Fact]
        public async Task ConfirmEventsSendsTheHandlesAsAnArray()
        {
            var handler = new RecordingHandler().AnswerJson("""{"Response":{"RequestId":"12ae8d8e"}}""");
            using var api = TestCredentials.V3Api(handler);

            var outcome = await api.SendOperationAsync(EventOperations.ConfirmEvents, new[] { "111", "222" }, CancellationToken.None);

            Assert.Equal(new[] { "111", "222" }, SentJson(handler).GetProperty("EventHandles").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal(2, outcome.Value);
            Assert.Equal("12ae8d8e", outcome.RequestId);
        }

        [Fact]
        public async Task MoreThanSixteenHandlesAreRefusedBeforeAnythingIsSent()
        {
            var handler = new RecordingHandler().AnswerJson("""{"Response":{"RequestId":"r"}}""");
            using var api = TestCredentials.V3Api(handler);
            using var client = new VodClient(TestCredentials.V3Api(handler));
            var handles = Enumerable.Range(0, 17).Select(i => "h" + i).ToArray();

            var ex = await Assert.ThrowsAsync<VodException>(() => api.SendOperationAsync(EventOperations.ConfirmEvents, handles, CancellationToken.None));
            var viaClient = await client.SendAsync(EventOperations.ConfirmEvents, handles, CancellationToken.None);

            Assert.Equal("TooManyEventHandles", ex.Error.ErrorId);
            Assert.Equal(VodErrorCategory.InvalidArgument, ex.Error.Category);
            Assert.Equal("TooManyEventHandles", viaClient.Error!.ErrorId);
            Assert.Empty(handler.Requests);
            Assert.True((await api.SendOperationAsync(EventOperations.ConfirmEvents, handles.Take(16).ToArray(), CancellationToken.None)).IsSuccess);
        }

        [Theory]
        [InlineData("""{"Response":{"TaskId":"T","Req""", 200, "MalformedResponse", true)]
        [InlineData("""{"TaskId":"T"}""", 200, "MalformedResponse", true)]
        [InlineData("<html>Bad Gateway</html>", 502, "HttpServerError", false)]
        [InlineData("<html>Gateway Timeout</html>", 504, "HttpServerError", true)]
        [InlineData("<html>Not Found</html>", 404, "UnexpectedHttpStatus", false)]
        public async Task BodiesThatAreNotAnEnvelopeFailLikeV2(string body, int status, string errorId, bool ambiguous)
        {
            var handler = new RecordingHandler().Answer(() => RecordingHandler.Json(body, (HttpStatusCode)status));
            using var api = TestCredentials.V3Api(handler);

            var ex = await Assert.ThrowsAsync<VodException>(() => api.SendOperationAsync(TaskOperations.GetTask, "T", CancellationToken.None));

            Assert.Equal(errorId, ex.Error.ErrorId);
            Assert.Equal(ambiguous, ex.Error.IsAmbiguous);
            Assert.Equal(status, ex.Error.HttpStatus);
        }

        [Fact]
        public void TheFactoryBuildsTheImplementationOfEachVersion()
        {
            var options = new VodPowerShell.Core.Http.TransportOptions(VodPowerShell.Core.Http.VodEndpoint.Create(null, ApiVersion.V3));
            using var v3 = VodApiFactory.Create(ApiVersion.V3, options, TestCredentials.Credential());
            using var v2 = VodApiFactory.Create(ApiVersion.V2, options, TestCredentials.Credential());

            Assert.Equal(ApiVersion.V3, v3.Version);
            Assert.Equal(ApiVersion.V2, v2.Version);
        }
    }
}
