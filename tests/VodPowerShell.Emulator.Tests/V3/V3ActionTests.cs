using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using VodPowerShell.Core.Models;
using VodPowerShell.Core.Operations;
using VodPowerShell.Emulator.Tests.TestSupport;
using static VodPowerShell.Emulator.Tests.TestSupport.V3Wire;

namespace VodPowerShell.Emulator.Tests.V3
{
    public class V3ActionTests
    {
        [Fact]
        public async Task AProcessMediaSpriteGoesFromWaitingToFinishWithItsOutputs()
        {
            await using var emulator = await TestEmulator.StartAsync();
            using var api = Api(emulator);

            var created = await api.SendOperationAsync(TaskOperations.CreateImageSprite, new ImageSpriteRequest("video-1", 10), CancellationToken.None);
            Assert.True(created.IsSuccess);
            Assert.StartsWith("Procedure-", created.Value);

            var waiting = (await api.SendOperationAsync(TaskOperations.GetTask, created.Value!, CancellationToken.None)).Value!;
            Assert.Equal(VodTaskStatus.Waiting, waiting.Status);
            Assert.Null(waiting.BeginProcessTime);
            Assert.Null(waiting.Succeeded);

            emulator.Clock.Advance(TimeSpan.FromMilliseconds(200));
            var processing = (await api.SendOperationAsync(TaskOperations.GetTask, created.Value!, CancellationToken.None)).Value!;
            Assert.Equal(VodTaskStatus.Processing, processing.Status);
            Assert.NotNull(processing.BeginProcessTime);
            Assert.Null(processing.ErrorCode);

            emulator.Clock.Advance(TimeSpan.FromMilliseconds(500));
            var done = (await api.SendOperationAsync(TaskOperations.GetTask, created.Value!, CancellationToken.None)).Value!;
            Assert.Equal(VodTaskStatus.Finish, done.Status);
            Assert.Equal("Procedure", done.TaskType);
            Assert.Equal(created.Value, done.TaskId);
            Assert.Equal("video-1", done.FileId);
            Assert.True(done.Succeeded);
            Assert.Equal(10, done.Definition);
            Assert.True(done.TotalCount > 0);
            Assert.NotEmpty(done.ImageSpriteUrls);
            Assert.EndsWith(".vtt", done.WebVttUrl);
            Assert.Equal(emulator.Clock.GetUtcNow().ToUnixTimeSeconds(), done.FinishTime!.Value.ToUnixTimeSeconds());

            var entry = emulator.Ledger[0];
            Assert.Equal(("v3", "ProcessMedia", "video-1", 0, created.Value), (entry.Api, entry.Action, entry.FileId, entry.Code, entry.VodTaskId));
            Assert.Equal(Hosting.DefaultCredential.SecretId, entry.SecretId);
        }

        [Fact]
        public async Task TheRawDetailIsShapedLikeTencentsProcedureTask()
        {
            await using var emulator = await TestEmulator.StartAsync();
            using var api = Api(emulator);
            string taskId = (await api.SendOperationAsync(TaskOperations.CreateImageSprite, new ImageSpriteRequest("video-1", 10), CancellationToken.None)).Value!;
            emulator.Clock.Advance(TimeSpan.FromSeconds(1));

            var detail = await SendAsync(emulator, new Request("DescribeTaskDetail", Json(new { TaskId = taskId })));

            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", detail.GetProperty("CreateTime").GetString());
            var sprite = detail.GetProperty("ProcedureTask").GetProperty("MediaProcessResultSet")[0].GetProperty("ImageSpriteTask");
            Assert.Equal("SUCCESS", sprite.GetProperty("Status").GetString());
            Assert.Equal(10, sprite.GetProperty("Input").GetProperty("Definition").GetInt32());
            var output = sprite.GetProperty("Output");
            Assert.Equal((80, 142), (output.GetProperty("Height").GetInt32(), output.GetProperty("Width").GetInt32()));
            Assert.Equal(System.Text.Json.JsonValueKind.Null, detail.GetProperty("CreateImageSpriteTask").ValueKind);
        }

        [Fact]
        public async Task AFailedSpriteReportsFailWithItsErrorCode()
        {
            await using var emulator = await TestEmulator.StartAsync(o => o.TaskFailureRate = 1);
            using var api = Api(emulator);
            string taskId = (await api.SendOperationAsync(TaskOperations.CreateImageSprite, new ImageSpriteRequest("video-1", 10), CancellationToken.None)).Value!;
            emulator.Clock.Advance(TimeSpan.FromSeconds(1));

            var task = (await api.SendOperationAsync(TaskOperations.GetTask, taskId, CancellationToken.None)).Value!;

            Assert.False(task.Succeeded);
            Assert.Equal(-43001, task.ErrorCode);
            Assert.Empty(task.ImageSpriteUrls);
        }

        [Theory]
        [InlineData("missing-1", 10, "InvalidParameterValue.FileId")]
        [InlineData("video-1", 99, "InvalidParameterValue.Definition")]
        [InlineData("unready-1", 10, "UnsupportedOperation")]
        public async Task ProcessMediaRejectsWhatTheServiceCannotProcess(string fileId, int definition, string expected)
        {
            await using var emulator = await TestEmulator.StartAsync();
            using var api = Api(emulator);

            var outcome = await api.SendOperationAsync(TaskOperations.CreateImageSprite, new ImageSpriteRequest(fileId, definition), CancellationToken.None);

            Assert.Equal(expected, outcome.CodeDesc);
            Assert.Equal(fileId, emulator.Ledger[^1].FileId);
        }

        [Fact]
        public async Task AnUnknownTaskIsInvalidParameterValueTaskId()
        {
            await using var emulator = await TestEmulator.StartAsync();
            using var api = Api(emulator);

            Assert.Equal("InvalidParameterValue.TaskId", (await api.SendOperationAsync(TaskOperations.GetTask, "Procedure-nope", CancellationToken.None)).CodeDesc);
        }

        [Fact]
        public async Task MalformedBodiesAreParameterErrors()
        {
            await using var emulator = await TestEmulator.StartAsync();

            Assert.Equal("MissingParameter", await ErrorCodeAsync(emulator, new Request("ProcessMedia", """{"MediaProcessTask":{"ImageSpriteTaskSet":[{"Definition":10}]}}""")));
            Assert.Equal("MissingParameter", await ErrorCodeAsync(emulator, new Request("ProcessMedia", """{"FileId":"f"}""")));
            Assert.Equal("InvalidParameter", await ErrorCodeAsync(emulator, new Request("ProcessMedia", """{"FileId":"f","MediaProcessTask":{"ImageSpriteTaskSet":[{"Definition":"10"}]}}""")));
            Assert.Equal("InvalidParameter", await ErrorCodeAsync(emulator, new Request("DescribeTaskDetail", "not json")));
            Assert.Equal("InvalidParameterValue.Limit", await ErrorCodeAsync(emulator, new Request("DescribeTasks", """{"Limit":101}""")));
            Assert.Equal("InvalidParameterValue", await ErrorCodeAsync(emulator, new Request("DescribeTasks", """{"Status":"DONE"}""")));
        }

        [Fact]
        public async Task DescribeTasksPagesWithAScrollTokenAndFiltersByFile()
        {
            await using var emulator = await TestEmulator.StartAsync();
            using var api = Api(emulator);
            var ids = new string[3];
            for (int i = 0; i < ids.Length; i++) ids[i] = (await api.SendOperationAsync(TaskOperations.CreateImageSprite, new ImageSpriteRequest(i == 2 ? "other" : "video-1", 10), CancellationToken.None)).Value!;

            var first = (await api.SendOperationAsync(TaskOperations.ListTasks, new TaskListRequest(VodTaskStatus.Waiting, null, 2, null), CancellationToken.None)).Value!;
            var second = (await api.SendOperationAsync(TaskOperations.ListTasks, new TaskListRequest(VodTaskStatus.Waiting, null, 2, first.Next), CancellationToken.None)).Value!;
            var byFile = (await api.SendOperationAsync(TaskOperations.ListTasks, new TaskListRequest(VodTaskStatus.Waiting, "other", 10, null), CancellationToken.None)).Value!;
            var finished = (await api.SendOperationAsync(TaskOperations.ListTasks, new TaskListRequest(VodTaskStatus.Finish, null, 10, null), CancellationToken.None)).Value!;

            Assert.Equal(ids.Take(2), first.Tasks.Select(t => t.TaskId));
            Assert.False(string.IsNullOrEmpty(first.Next));
            Assert.Equal(new[] { ids[2] }, second.Tasks.Select(t => t.TaskId));
            Assert.True(string.IsNullOrEmpty(second.Next));
            Assert.Equal(new[] { ids[2] }, byFile.Tasks.Select(t => t.TaskId));
            Assert.Equal("Procedure", byFile.Tasks[0].TaskType);
            Assert.Empty(finished.Tasks);
        }
    }
}
