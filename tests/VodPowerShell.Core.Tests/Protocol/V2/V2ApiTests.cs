using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using VodPowerShell.Core.Models;
using VodPowerShell.Core.Operations;
using VodPowerShell.Core.Tests.TestSupport;
using Xunit;

namespace VodPowerShell.Core.Tests.Protocol.V2
{
    public class V2ApiTests
    {
        [Fact]
        public async Task GetTaskListSendsStatusAndCursorAndReadsThePage()
        {
            var handler = new RecordingHandler().AnswerJson("""
                {"code":0,"message":"","data":{"status":"PROCESSING","next":"68bf",
                 "taskList":[{"vodTaskId":"T1","type":"imageSprite","createTime":1485156352,"beginProcessTime":1485156354,"finishTime":0}]}}
                """);
            using var api = TestCredentials.Api(handler);

            var outcome = await api.SendOperationAsync(TaskOperations.ListTasks, new TaskListRequest(VodTaskStatus.Processing, "f1", 5, "prev"), CancellationToken.None);

            var sent = TestCredentials.ParseForm(handler.Requests[0].Uri.Query);
            Assert.Equal("GetTaskList", sent["Action"]);
            Assert.Equal("PROCESSING", sent["status"]);
            Assert.Equal("10", sent["maxCount"]);
            Assert.Equal("prev", sent["next"]);
            Assert.Equal("f1", sent["fileId"]);
            var task = Assert.Single(outcome.Value!.Tasks);
            Assert.Equal("T1", task.TaskId);
            Assert.Equal(VodTaskStatus.Processing, task.Status);
            Assert.Equal(1485156354, task.BeginProcessTime!.Value.ToUnixTimeSeconds());
            Assert.Null(task.FinishTime);
            Assert.Equal("68bf", outcome.Value.Next);
        }

        [Fact]
        public async Task PullEventReadsEveryEventWithItsHandleAndToleratesAMissingList()
        {
            var handler = new RecordingHandler()
                .AnswerJson("""
                    {"code":0,"message":"","eventList":[
                     {"msgHandle":"H1","eventContent":{"version":"4.0","eventType":"CreateImageSpriteComplete","data":{"status":0,"vodTaskId":"T1","fileId":"f"}}},
                     {"msgHandle":"H2","eventContent":{"version":"4.0","eventType":"NewFileUpload","data":{"fileId":"g"}}}]}
                    """)
                .AnswerJson("""{"code":0,"message":""}""");
            using var api = TestCredentials.Api(handler);

            var first = await api.SendOperationAsync(EventOperations.PullEvents, default(NoRequest), CancellationToken.None);
            var second = await api.SendOperationAsync(EventOperations.PullEvents, default(NoRequest), CancellationToken.None);

            Assert.Equal(new[] { "H1", "H2" }, first.Value!.Select(e => e.EventHandle));
            Assert.Equal("T1", first.Value![0].TaskId);
            Assert.Empty(second.Value!);
        }

        [Fact]
        public async Task ConfirmEventNumbersHandlesFromZero()
        {
            var handler = new RecordingHandler().AnswerJson("""{"code":0,"message":""}""");
            using var api = TestCredentials.Api(handler);

            var outcome = await api.SendOperationAsync(EventOperations.ConfirmEvents, new[] { "H1", "H2" }, CancellationToken.None);

            var sent = TestCredentials.ParseForm(handler.Requests[0].Uri.Query);
            Assert.Equal("H1", sent["msgHandle.0"]);
            Assert.Equal("H2", sent["msgHandle.1"]);
            Assert.Equal(2, outcome.Value);
        }

        [Fact]
        public async Task AWaitingTaskHasNoDataYet()
        {
            var handler = new RecordingHandler().AnswerJson("""{"code":0,"message":"","type":"imageSprite","status":"WAITING","createTime":1485156352,"beginProcessTime":0,"finishTime":0}""");
            using var api = TestCredentials.Api(handler);

            var task = (await api.SendOperationAsync(TaskOperations.GetTask, "T9", CancellationToken.None)).Value!;

            Assert.Equal("T9", task.TaskId);
            Assert.Equal(VodTaskStatus.Waiting, task.Status);
            Assert.Null(task.Succeeded);
            Assert.Null(task.BeginProcessTime);
        }

        [Fact]
        public async Task SuccessWithoutATaskIdIsAnAmbiguousFailure()
        {
            var handler = new RecordingHandler().AnswerJson("""{"code":0,"message":""}""");
            using var api = TestCredentials.Api(handler);

            var outcome = await api.SendOperationAsync(TaskOperations.CreateImageSprite, new ImageSpriteRequest("f", 10), CancellationToken.None);

            Assert.False(outcome.IsSuccess);
            Assert.True(outcome.Error!.IsAmbiguous);
        }
    }
}
