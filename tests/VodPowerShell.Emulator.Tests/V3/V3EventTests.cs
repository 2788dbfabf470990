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
    public class V3EventTests
    {
        [Fact]
        public async Task AFinishedSpriteIsPulledHiddenRedeliveredAndGoneOnceConfirmed()
        {
            await using var emulator = await TestEmulator.StartAsync(o => o.VisibilityTimeout = TimeSpan.FromSeconds(30));
            using var api = Api(emulator);
            string taskId = (await api.SendOperationAsync(TaskOperations.CreateImageSprite, new ImageSpriteRequest("video-1", 10), CancellationToken.None)).Value!;
            emulator.Clock.Advance(TimeSpan.FromSeconds(1));

            var first = Assert.Single((await api.SendOperationAsync(EventOperations.PullEvents, default(NoRequest), CancellationToken.None)).Value!);
            Assert.Equal("ProcedureStateChanged", first.EventType);
            Assert.Equal("3.0", first.FormatVersion);
            Assert.Equal(taskId, first.TaskId);
            Assert.Equal("video-1", first.FileId);
            Assert.True(first.TotalCount > 0);
            Assert.NotEmpty(first.ImageSpriteUrls);
            Assert.False(string.IsNullOrEmpty(first.EventHandle));

            var hidden = await api.SendOperationAsync(EventOperations.PullEvents, default(NoRequest), CancellationToken.None);
            Assert.True(hidden.IsSuccess);
            Assert.Empty(hidden.Value!);

            emulator.Clock.Advance(TimeSpan.FromSeconds(30));
            var again = Assert.Single((await api.SendOperationAsync(EventOperations.PullEvents, default(NoRequest), CancellationToken.None)).Value!);
            Assert.Equal(taskId, again.TaskId);
            Assert.NotEqual(first.EventHandle, again.EventHandle);

            var confirmed = await api.SendOperationAsync(EventOperations.ConfirmEvents, new[] { again.EventHandle! }, CancellationToken.None);
            Assert.True(confirmed.IsSuccess);
            emulator.Clock.Advance(TimeSpan.FromSeconds(30));
            Assert.Empty((await api.SendOperationAsync(EventOperations.PullEvents, default(NoRequest), CancellationToken.None)).Value!);
        }

        [Fact]
        public async Task AnEmptyQueueAnswersAnEmptyEventSetAfterTheLongPoll()
        {
            await using var emulator = await TestEmulator.StartAsync();

            var response = await SendAsync(emulator, new Request("PullEvents", "{}"));

            Assert.Equal(0, response.GetProperty("EventSet").GetArrayLength());
        }

        [Fact]
        public async Task ConfirmEventsRejectsUnknownHandlesAndMoreThanSixteen()
        {
            await using var emulator = await TestEmulator.StartAsync();
            using var api = Api(emulator);
            string seventeen = Json(new { EventHandles = Enumerable.Range(0, 17).Select(i => "h" + i).ToArray() });

            Assert.Equal("InvalidParameterValue", (await api.SendOperationAsync(EventOperations.ConfirmEvents, new[] { "unknown" }, CancellationToken.None)).CodeDesc);
            Assert.Equal("InvalidParameterValue", await ErrorCodeAsync(emulator, new Request("ConfirmEvents", seventeen)));
            Assert.Equal("MissingParameter", await ErrorCodeAsync(emulator, new Request("ConfirmEvents", "{}")));
        }
    }
}
