using System;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using VodPowerShell.Core.Models;
using VodPowerShell.Core.Operations;
using VodPowerShell.Emulator.Domain;
using VodPowerShell.Emulator.Tests.TestSupport;
using static VodPowerShell.Emulator.Tests.TestSupport.V3Wire;

namespace VodPowerShell.Emulator.Tests.V3
{
    /// <summary>v2 and API 3.0 are two doors into one account: tasks, events, quota, faults and ledger are shared.</summary>
    public class V3SharedDomainTests
    {
        [Fact]
        public async Task AV2TaskIsDescribedThroughV3AsALegacySpriteTask()
        {
            await using var emulator = await TestEmulator.StartAsync();
            using var api = Api(emulator);
            string taskId = await emulator.CreateSpriteAsync("video-1");
            emulator.Clock.Advance(TimeSpan.FromSeconds(1));

            var task = (await api.SendOperationAsync(TaskOperations.GetTask, taskId, CancellationToken.None)).Value!;

            Assert.Equal("ImageSprites", task.TaskType);
            Assert.Equal(VodTaskStatus.Finish, task.Status);
            Assert.Equal("video-1", task.FileId);
            Assert.True(task.Succeeded);
            Assert.NotEmpty(task.ImageSpriteUrls);
            Assert.Equal(new[] { "v2", "v3" }, new[] { emulator.Ledger[0].Api, emulator.Ledger[1].Api });
        }

        [Fact]
        public async Task AV3TaskIsSeenThroughV2AndItsEventIsPulledInTheV2Format()
        {
            await using var emulator = await TestEmulator.StartAsync();
            using var api = Api(emulator);
            string taskId = (await api.SendOperationAsync(TaskOperations.CreateImageSprite, new ImageSpriteRequest("video-1", 10), CancellationToken.None)).Value!;
            emulator.Clock.Advance(TimeSpan.FromSeconds(1));

            var info = await emulator.SendAsync("GetTaskInfo", ("vodTaskId", taskId));
            var pulled = await emulator.SendAsync("PullEvent");

            Assert.Equal(0, info.Code);
            Assert.Equal("FINISH", info.GetString("status"));
            Assert.Contains(taskId, pulled.Body.GetRawText());
            Assert.Contains("CreateImageSpriteComplete", pulled.Body.GetRawText());
        }

        [Fact]
        public async Task AV2TaskEventIsPulledThroughV3AsCreateImageSpriteComplete()
        {
            await using var emulator = await TestEmulator.StartAsync();
            using var api = Api(emulator);
            string taskId = await emulator.CreateSpriteAsync("video-1");
            emulator.Clock.Advance(TimeSpan.FromSeconds(1));

            var evt = Assert.Single((await api.SendOperationAsync(EventOperations.PullEvents, default(NoRequest), CancellationToken.None)).Value!);

            Assert.Equal("CreateImageSpriteComplete", evt.EventType);
            Assert.Equal(taskId, evt.TaskId);
            Assert.True(evt.TotalCount > 0);
        }

        [Fact]
        public async Task BothVersionsSpendOneQuotaPerSecretId()
        {
            await using var emulator = await TestEmulator.StartAsync(o =>
            {
                o.QuotaRate = 2;
                o.QuotaWindow = TimeSpan.FromSeconds(1);
            });
            using var api = Api(emulator);

            Assert.Equal(0, (await emulator.SendAsync("GetTaskList", ("status", "WAITING"))).Code);
            Assert.Equal("InvalidParameterValue.TaskId", (await api.SendOperationAsync(TaskOperations.GetTask, "Procedure-x", CancellationToken.None)).CodeDesc);
            Assert.Equal("RequestLimitExceeded", (await api.SendOperationAsync(TaskOperations.GetTask, "Procedure-x", CancellationToken.None)).CodeDesc);
            Assert.Equal(4400, (await emulator.SendAsync("GetTaskList", ("status", "WAITING"))).Code);

            emulator.Clock.Advance(TimeSpan.FromSeconds(1));
            Assert.Equal("InvalidParameterValue.TaskId", (await api.SendOperationAsync(TaskOperations.GetTask, "Procedure-x", CancellationToken.None)).CodeDesc);
        }

        [Fact]
        public async Task AnInjectedServiceFaultAnswersInApi3Words()
        {
            await using var emulator = await TestEmulator.StartAsync(o =>
            {
                o.FaultRate = 1;
                o.FaultKinds = new[] { FaultKind.Code6000 };
            });
            using var api = Api(emulator);

            var outcome = await api.SendOperationAsync(TaskOperations.CreateImageSprite, new ImageSpriteRequest("video-1", 10), CancellationToken.None);

            Assert.Equal("InternalError", outcome.CodeDesc);
            Assert.Equal(0, emulator.Host.Service.Tasks.Count);
            var entry = emulator.Ledger[^1];
            Assert.Equal(("v3", "code6000", "InternalError", "video-1"), (entry.Api, entry.Fault, entry.ErrorCode, entry.FileId));
            Assert.Null(entry.Code);
        }

        [Fact]
        public async Task AnHttp500FaultIsAnHtmlPageTheClientReportsAsAServerError()
        {
            await using var emulator = await TestEmulator.StartAsync(o =>
            {
                o.FaultRate = 1;
                o.FaultKinds = new[] { FaultKind.Http500 };
            });
            using var api = Api(emulator);

            var ex = await Assert.ThrowsAsync<Core.Errors.VodException>(() => api.SendOperationAsync(TaskOperations.GetTask, "Procedure-x", CancellationToken.None));

            Assert.Equal(500, ex.Error.HttpStatus);
            Assert.Null(emulator.Ledger[^1].ErrorCode);
        }
    }
}
