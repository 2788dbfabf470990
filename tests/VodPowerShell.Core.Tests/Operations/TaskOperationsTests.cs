using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using VodPowerShell.Core.Client;
using VodPowerShell.Core.Models;
using VodPowerShell.Core.Operations;
using VodPowerShell.Core.Tests.TestSupport;
using Xunit;

namespace VodPowerShell.Core.Tests.Operations
{
    /// <summary>The older actions as descriptors: their resend rule, and the task list as a stream of pages.</summary>
    public class TaskOperationsTests
    {
        [Fact]
        public void OnlyTheCreateAndTheUntypedActionAreNeverResentAfterALostAnswer()
        {
            Assert.False(TaskOperations.CreateImageSprite.IsIdempotent);
            Assert.False(UntypedOperation.For("AnyAction").IsIdempotent);
            Assert.True(TaskOperations.GetTask.IsIdempotent);
            Assert.True(TaskOperations.ListTasks.IsIdempotent);
            Assert.True(EventOperations.PullEvents.IsIdempotent);
            Assert.True(EventOperations.ConfirmEvents.IsIdempotent);
        }

        [Fact]
        public async Task TheTaskListFollowsCursorsAndStopsAtARepeatedOne()
        {
            static string Page(string taskId, string next) =>
                $"{{\"code\":0,\"message\":\"\",\"data\":{{\"taskList\":[{{\"vodTaskId\":\"{taskId}\",\"status\":\"FINISH\"}}],\"next\":\"{next}\"}}}}";
            var handler = new RecordingHandler().AnswerJson(Page("T1", "c1")).AnswerJson(Page("T2", "c2")).AnswerJson(Page("T3", "c1"));
            using var client = new VodClient(TestCredentials.Api(handler));
            var pages = client.Pages(TaskOperations.ListTaskPages, new TaskListRequest(VodTaskStatus.Finish, "f1", TaskOperations.MaxTasksPerPage));

            var taskIds = new List<string>();
            string? failure = null;
            for (int call = 0; call < 10 && await pages.NextPageAsync(CancellationToken.None) is { } page; call++)
            {
                if (page.IsSuccess) taskIds.AddRange(page.Value!.Select(task => task.TaskId!));
                else failure = page.Error!.ErrorId;
            }

            Assert.Equal(new[] { "T1", "T2", "T3" }, taskIds);
            Assert.Equal("RepeatedPageCursor", failure);
            Assert.True(pages.IsFinished);
            Assert.Equal(3, handler.Requests.Count);
            var sent = handler.Requests.Select(TestCredentials.Sent).ToList();
            Assert.Equal(new[] { null, "c1", "c2" }, sent.Select(parameters => parameters.TryGetValue("next", out var next) ? next : null));
            Assert.All(sent, parameters => Assert.Equal("f1", parameters["fileId"]));
            Assert.All(sent, parameters => Assert.Equal("GetTaskList", parameters["Action"]));
        }
    }
}
