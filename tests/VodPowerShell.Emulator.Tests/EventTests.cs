using System;
using System.Diagnostics;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using VodPowerShell.Core.Protocol.V2;
using VodPowerShell.Emulator.Tests.TestSupport;

namespace VodPowerShell.Emulator.Tests
{
    public class EventTests
    {
        private static readonly TimeSpan Visibility = TimeSpan.FromSeconds(30);

        private static Task<TestEmulator> StartAsync(int longPollMs = 100) => TestEmulator.StartAsync(o =>
        {
            o.TaskWaiting = TimeSpan.FromSeconds(1);
            o.TaskProcessing = TimeSpan.FromSeconds(1);
            o.LongPoll = TimeSpan.FromMilliseconds(longPollMs);
            o.VisibilityTimeout = Visibility;
            o.HandleLifetime = TimeSpan.FromSeconds(30);
        });

        private static JsonElement[] Events(ApiResponse pull)
        {
            Assert.Equal(0, pull.Code);
            return pull.Body.GetProperty("eventList").EnumerateArray().ToArray();
        }

        [Fact]
        public async Task AFinishedTaskRaisesOneEventInTheV4Envelope()
        {
            await using var emulator = await StartAsync();
            string taskId = await emulator.CreateSpriteAsync("evt-video");
            Assert.Empty(Events(await emulator.SendAsync("PullEvent")));

            emulator.Clock.Advance(TimeSpan.FromSeconds(2));
            var item = Assert.Single(Events(await emulator.SendAsync("PullEvent")));

            Assert.False(string.IsNullOrEmpty(item.GetProperty("msgHandle").GetString()));
            var content = item.GetProperty("eventContent");
            Assert.Equal("4.0", content.GetProperty("version").GetString());
            Assert.Equal("CreateImageSpriteComplete", content.GetProperty("eventType").GetString());
            Assert.Equal(taskId, content.GetProperty("data").GetProperty("vodTaskId").GetString());
            Assert.Equal("evt-video", content.GetProperty("data").GetProperty("fileId").GetString());
        }

        [Fact]
        public async Task AnUnconfirmedEventComesBackAfterTheVisibilityTimeoutAndAConfirmedOneDoesNot()
        {
            await using var emulator = await StartAsync();
            await emulator.CreateSpriteAsync();
            emulator.Clock.Advance(TimeSpan.FromSeconds(2));
            string firstHandle = Assert.Single(Events(await emulator.SendAsync("PullEvent"))).GetProperty("msgHandle").GetString()!;

            Assert.Empty(Events(await emulator.SendAsync("PullEvent")));
            emulator.Clock.Advance(Visibility);
            string secondHandle = Assert.Single(Events(await emulator.SendAsync("PullEvent"))).GetProperty("msgHandle").GetString()!;
            Assert.NotEqual(firstHandle, secondHandle);

            Assert.Equal(0, (await emulator.SendAsync("ConfirmEvent", ("msgHandle.0", secondHandle))).Code);
            emulator.Clock.Advance(Visibility);
            Assert.Empty(Events(await emulator.SendAsync("PullEvent")));
        }

        [Fact]
        public async Task ConfirmEventAcceptsAnyNumericSuffixAndManyHandles()
        {
            await using var emulator = await StartAsync();
            await emulator.CreateSpriteAsync();
            await emulator.CreateSpriteAsync();
            emulator.Clock.Advance(TimeSpan.FromSeconds(2));
            var handles = Events(await emulator.SendAsync("PullEvent")).Select(e => e.GetProperty("msgHandle").GetString()!).ToArray();
            Assert.Equal(2, handles.Length);

            Assert.Equal(0, (await emulator.SendAsync("ConfirmEvent", ("msgHandle.1", handles[0]), ("msgHandle.7", handles[1]))).Code);
            Assert.Equal(0, emulator.Host.Service.Events.PendingCount);
        }

        [Fact]
        public async Task AHandleOlderThanItsLifetimeIsRejectedWith4000()
        {
            await using var emulator = await StartAsync();
            await emulator.CreateSpriteAsync();
            emulator.Clock.Advance(TimeSpan.FromSeconds(2));
            string handle = Assert.Single(Events(await emulator.SendAsync("PullEvent"))).GetProperty("msgHandle").GetString()!;

            emulator.Clock.Advance(TimeSpan.FromSeconds(31));
            Assert.Equal(4000, (await emulator.SendAsync("ConfirmEvent", ("msgHandle.0", handle))).Code);
            Assert.Equal(4000, (await emulator.SendAsync("ConfirmEvent", ("msgHandle.0", "never-issued"))).Code);
            Assert.Equal(4000, (await emulator.SendAsync("ConfirmEvent")).Code);
        }

        [Fact]
        public async Task AnEmptyLongPollWaitsForTheConfiguredTime()
        {
            await using var emulator = await StartAsync(longPollMs: 300);
            var watch = Stopwatch.StartNew();
            Assert.Empty(Events(await emulator.SendAsync("PullEvent")));
            Assert.InRange(watch.ElapsedMilliseconds, 250, 2000);
        }

        [Fact]
        public async Task ALongPollReturnsAsSoonAsAnEventAppears()
        {
            await using var emulator = await StartAsync(longPollMs: 5000);
            await emulator.CreateSpriteAsync();
            var watch = Stopwatch.StartNew();
            var pull = emulator.SendAsync("PullEvent");
            await Task.Delay(100);
            emulator.Clock.Advance(TimeSpan.FromSeconds(2));

            Assert.Single(Events(await pull));
            Assert.InRange(watch.ElapsedMilliseconds, 0, 1500);
        }
    }
}
