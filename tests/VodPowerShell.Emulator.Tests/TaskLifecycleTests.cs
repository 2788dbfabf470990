using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using VodPowerShell.Emulator.Domain;
using VodPowerShell.Emulator.Tests.TestSupport;

namespace VodPowerShell.Emulator.Tests
{
    public class TaskLifecycleTests
    {
        private static readonly TimeSpan Waiting = TimeSpan.FromSeconds(2);
        private static readonly TimeSpan Processing = TimeSpan.FromSeconds(5);

        private static Task<TestEmulator> StartAsync(double failureRate = 0) => TestEmulator.StartAsync(o =>
        {
            o.TaskWaiting = Waiting;
            o.TaskProcessing = Processing;
            o.TaskFailureRate = failureRate;
        });

        [Fact]
        public async Task ATaskMovesFromWaitingThroughProcessingToFinish()
        {
            await using var emulator = await StartAsync();
            string fileId = "lifecycle-video";
            string taskId = await emulator.CreateSpriteAsync(fileId);
            long created = emulator.Clock.GetUtcNow().ToUnixTimeSeconds();

            var waiting = await emulator.SendAsync("GetTaskInfo", ("vodTaskId", taskId));
            Assert.Equal("WAITING", waiting.GetString("status"));
            Assert.Equal("imageSprite", waiting.GetString("type"));
            Assert.Equal(created, waiting.Body.GetProperty("createTime").GetInt64());
            Assert.Equal(0, waiting.Body.GetProperty("beginProcessTime").GetInt64());
            Assert.False(waiting.Body.TryGetProperty("data", out _));

            emulator.Clock.Advance(Waiting);
            var processing = await emulator.SendAsync("GetTaskInfo", ("vodTaskId", taskId));
            Assert.Equal("PROCESSING", processing.GetString("status"));
            Assert.NotEqual(0, processing.Body.GetProperty("beginProcessTime").GetInt64());
            Assert.Equal(0, processing.Body.GetProperty("finishTime").GetInt64());

            emulator.Clock.Advance(Processing);
            var finished = await emulator.SendAsync("GetTaskInfo", ("vodTaskId", taskId));
            Assert.Equal("FINISH", finished.GetString("status"));
            var data = finished.Body.GetProperty("data");
            int duration = MediaLibrary.OpenDurationSeconds(fileId);
            int expectedCount = (int)Math.Ceiling(duration / 10.0);
            Assert.Equal(0, data.GetProperty("status").GetInt32());
            Assert.Equal(taskId, data.GetProperty("vodTaskId").GetString());
            Assert.Equal(fileId, data.GetProperty("fileId").GetString());
            Assert.Equal(10, data.GetProperty("definition").GetInt32());
            Assert.Equal(expectedCount, data.GetProperty("totalCount").GetInt32());
            Assert.Equal((expectedCount + 99) / 100, data.GetProperty("imageSpriteUrl").GetArrayLength());
            Assert.EndsWith(".vtt", data.GetProperty("webVttUrl").GetString(), StringComparison.Ordinal);
        }

        [Fact]
        public async Task SpriteSheetsHoldAHundredThumbnails()
        {
            string path = System.IO.Path.GetTempFileName();
            try
            {
                await System.IO.File.WriteAllTextAsync(path, """{"files":[{"fileId":"v1060","durationSeconds":1051}]}""");
                await using var emulator = await TestEmulator.StartAsync(o => { o.MediaFile = path; o.TaskWaiting = o.TaskProcessing = TimeSpan.Zero; });
                string taskId = await emulator.CreateSpriteAsync("v1060");
                var data = (await emulator.SendAsync("GetTaskInfo", ("vodTaskId", taskId))).Body.GetProperty("data");

                Assert.Equal(106, data.GetProperty("totalCount").GetInt32());
                Assert.Equal(2, data.GetProperty("imageSpriteUrl").GetArrayLength());
            }
            finally
            {
                System.IO.File.Delete(path);
            }
        }

        [Fact]
        public async Task AnUnknownTaskIs70014()
        {
            await using var emulator = await StartAsync();
            var response = await emulator.SendAsync("GetTaskInfo", ("vodTaskId", "CreateImageSprite-00000000000000000000000000000000"));
            Assert.Equal(70014, response.Code);
        }

        [Fact]
        public async Task FailingTasksFinishWithAMediaErrorAndNoSprites()
        {
            await using var emulator = await StartAsync(failureRate: 1);
            string taskId = await emulator.CreateSpriteAsync();
            emulator.Clock.Advance(Waiting + Processing);

            var data = (await emulator.SendAsync("GetTaskInfo", ("vodTaskId", taskId))).Body.GetProperty("data");
            Assert.Equal(TaskStore.FailureStatus, data.GetProperty("status").GetInt32());
            Assert.False(data.TryGetProperty("imageSpriteUrl", out _));
        }

        [Fact]
        public async Task TheFailureShareIsSeededAndReproducible()
        {
            async Task<string> OutcomesAsync()
            {
                await using var emulator = await StartAsync(failureRate: 0.5);
                var ids = new string[20];
                for (int i = 0; i < ids.Length; i++) ids[i] = await emulator.CreateSpriteAsync();
                emulator.Clock.Advance(Waiting + Processing);
                var outcomes = new char[ids.Length];
                for (int i = 0; i < ids.Length; i++)
                {
                    var data = (await emulator.SendAsync("GetTaskInfo", ("vodTaskId", ids[i]))).Body.GetProperty("data");
                    outcomes[i] = data.GetProperty("status").GetInt32() == 0 ? 'S' : 'F';
                }

                return new string(outcomes);
            }

            string first = await OutcomesAsync();
            Assert.Equal(first, await OutcomesAsync());
            Assert.Contains('S', first);
            Assert.Contains('F', first);
        }

        [Fact]
        public async Task GetTaskListFiltersByStatusAndFileAndPages()
        {
            await using var emulator = await StartAsync();
            var early = new List<string>();
            for (int i = 0; i < 12; i++) early.Add(await emulator.CreateSpriteAsync("a"));
            emulator.Clock.Advance(Waiting);
            var late = new List<string>();
            for (int i = 0; i < 3; i++) late.Add(await emulator.CreateSpriteAsync("b"));

            var processing = await emulator.SendAsync("GetTaskList", ("status", "PROCESSING"));
            var page1 = processing.Body.GetProperty("data");
            Assert.Equal("PROCESSING", page1.GetProperty("status").GetString());
            Assert.Equal(early.Take(10), page1.GetProperty("taskList").EnumerateArray().Select(t => t.GetProperty("vodTaskId").GetString()));
            Assert.Equal(early[9], page1.GetProperty("next").GetString());

            var page2 = (await emulator.SendAsync("GetTaskList", ("status", "PROCESSING"), ("next", early[9]))).Body.GetProperty("data");
            Assert.Equal(early.Skip(10), page2.GetProperty("taskList").EnumerateArray().Select(t => t.GetProperty("vodTaskId").GetString()));
            Assert.Equal(string.Empty, page2.GetProperty("next").GetString());

            var waitingB = (await emulator.SendAsync("GetTaskList", ("status", "WAITING"), ("fileId", "b"), ("maxCount", "100"))).Body.GetProperty("data");
            Assert.Equal(late, waitingB.GetProperty("taskList").EnumerateArray().Select(t => t.GetProperty("vodTaskId").GetString()));
            Assert.Equal(0, (await emulator.SendAsync("GetTaskList", ("status", "FINISH"))).Body.GetProperty("data").GetProperty("taskList").GetArrayLength());
        }

        [Theory]
        [InlineData("9", 1000)]
        [InlineData("101", 1000)]
        [InlineData("many", 4000)]
        public async Task GetTaskListChecksMaxCount(string maxCount, int expected)
        {
            await using var emulator = await StartAsync();
            Assert.Equal(expected, (await emulator.SendAsync("GetTaskList", ("status", "WAITING"), ("maxCount", maxCount))).Code);
        }

        [Fact]
        public async Task GetTaskListNeedsAKnownStatus()
        {
            await using var emulator = await StartAsync();
            Assert.Equal(4000, (await emulator.SendAsync("GetTaskList", ("status", "DONE"))).Code);
            Assert.Equal(0, (await emulator.SendAsync("GetTaskList", ("status", "Processing"))).Code);
        }
    }
}
