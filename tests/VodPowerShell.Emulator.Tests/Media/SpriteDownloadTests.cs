using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using VodPowerShell.Emulator.Domain;
using VodPowerShell.Emulator.Tests.TestSupport;
using static VodPowerShell.Emulator.Tests.TestSupport.V3Wire;

namespace VodPowerShell.Emulator.Tests.Media
{
    public class SpriteDownloadTests
    {
        private static readonly HttpClient Http = new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };

        [Fact]
        public async Task ACustomTemplateGivesSheetsOfItsGridAndAWebVttCoveringTheDuration()
        {
            await using var emulator = await StartWithFileAsync();
            int definition = await CreateTemplateAsync(emulator, new { SampleType = "Time", SampleInterval = 2, RowCount = 5, ColumnCount = 5, Width = 160, Height = 128, Format = "png", ResolutionAdaptive = "close", FillType = "stretch" });

            var output = await ProcessAsync(emulator, definition);
            Assert.Equal((48, 160, 128), (output.GetProperty("TotalCount").GetInt32(), output.GetProperty("Width").GetInt32(), output.GetProperty("Height").GetInt32()));
            var sheets = output.GetProperty("ImageUrlSet").EnumerateArray().Select(u => u.GetString()!).ToList();
            Assert.Equal(2, sheets.Count);
            string vttUrl = output.GetProperty("WebVttUrl").GetString()!;
            Assert.Equal(emulator.Host.BaseAddress + "_media/clip/" + definition + "/thumbnails.vtt", vttUrl);

            string[] lines = (await Http.GetStringAsync(vttUrl)).Split('\n');
            Assert.Equal("WEBVTT", lines[0]);
            var cues = lines.Where(l => l.Contains(" --> ", StringComparison.Ordinal)).ToList();
            Assert.Equal(48, cues.Count);
            Assert.Equal("00:00:00.000 --> 00:00:02.000", cues[0]);
            Assert.Equal("00:01:34.000 --> 00:01:35.500", cues[^1]);
            Assert.Contains("sprite-1.png#xywh=640,512,160,128", lines);
            Assert.Contains("sprite-2.png#xywh=0,0,160,128", lines);

            foreach (string sheet in sheets)
            {
                var bytes = await Http.GetByteArrayAsync(sheet);
                Assert.Equal(("png", 800, 640), ImageHeaders.Read(bytes));
            }
        }

        [Theory]
        [InlineData("jpg")]
        [InlineData("webp")]
        public async Task PercentTemplatesGiveTenThumbnailsInTheTemplatesFormat(string format)
        {
            await using var emulator = await StartWithFileAsync();
            int definition = await CreateTemplateAsync(emulator, new { SampleType = "Percent", SampleInterval = 10, RowCount = 2, ColumnCount = 4, Width = 256, Height = 0, Format = format });

            var output = await ProcessAsync(emulator, definition);
            Assert.Equal((10, 256, 144), (output.GetProperty("TotalCount").GetInt32(), output.GetProperty("Width").GetInt32(), output.GetProperty("Height").GetInt32()));
            string vtt = await Http.GetStringAsync(output.GetProperty("WebVttUrl").GetString());
            Assert.Contains("00:00:09.550 --> 00:00:19.100\nsprite-1." + format + "#xywh=256,0,256,144", vtt);
            var sheets = output.GetProperty("ImageUrlSet").EnumerateArray().ToList();
            Assert.Equal(2, sheets.Count);
            Assert.Equal((format, 1024, 288), ImageHeaders.Read(await Http.GetByteArrayAsync(sheets[1].GetString())));
        }

        [Fact]
        public async Task BothApiVersionsNameDownloadableFilesAndMediaInfoListsThem()
        {
            await using var emulator = await StartWithFileAsync();
            var v2 = await emulator.SendAsync("CreateImageSprite", ("fileId", "clip"), ("definition", "10"));
            emulator.Clock.Advance(TimeSpan.FromSeconds(1));
            var info = await emulator.SendAsync("GetTaskInfo", ("vodTaskId", v2.GetString("vodTaskId")!));
            var data = info.Body.GetProperty("data");
            string sheet = data.GetProperty("imageSpriteUrl")[0].GetString()!;
            Assert.StartsWith(emulator.Host.BaseAddress + "_media/clip/10/sprite-1.jpg", sheet);
            Assert.Equal(("jpg", 1420, 800), ImageHeaders.Read(await Http.GetByteArrayAsync(sheet)));
            Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync(data.GetProperty("webVttUrl").GetString())).StatusCode);

            var infos = await SendAsync(emulator, new Request("DescribeMediaInfos", Json(new { FileIds = new[] { "clip" }, Filters = new[] { "imageSpriteInfo" } })));
            var sprite = Assert.Single(infos.GetProperty("MediaInfoSet")[0].GetProperty("ImageSpriteInfo").GetProperty("ImageSpriteSet").EnumerateArray());
            Assert.Equal((10, 10, sheet), (sprite.GetProperty("Definition").GetInt32(), sprite.GetProperty("TotalCount").GetInt32(), sprite.GetProperty("ImageUrlSet")[0].GetString()));
            Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync(emulator.Host.BaseAddress + "_media/clip/10/sprite-2.jpg")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync(emulator.Host.BaseAddress + "_media/other/10/sprite-1.jpg")).StatusCode);
        }

        [Fact]
        public async Task TheV2ApiOnlyKnowsThePreset()
        {
            await using var emulator = await StartWithFileAsync();
            int definition = await CreateTemplateAsync(emulator, new { SampleType = "Time", SampleInterval = 5, RowCount = 2, ColumnCount = 2 });
            var refused = await emulator.SendAsync("CreateImageSprite", ("fileId", "clip"), ("definition", definition.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.Equal(1000, refused.Code);
        }

        [Fact]
        public async Task DownloadsCarryAnETagHonourIfNoneMatchAndServeOneRange()
        {
            await using var emulator = await StartWithFileAsync();
            string url = (await ProcessAsync(emulator, 10)).GetProperty("ImageUrlSet")[0].GetString()!;

            using var full = await Http.GetAsync(url);
            byte[] bytes = await full.Content.ReadAsByteArrayAsync();
            Assert.Equal(bytes.Length, full.Content.Headers.ContentLength);
            var etag = full.Headers.ETag!;
            Assert.False(etag.IsWeak);

            using var again = new HttpRequestMessage(HttpMethod.Get, url);
            again.Headers.IfNoneMatch.Add(etag);
            Assert.Equal(HttpStatusCode.NotModified, (await Http.SendAsync(again)).StatusCode);

            using var ranged = new HttpRequestMessage(HttpMethod.Get, url);
            ranged.Headers.Range = new RangeHeaderValue(100, null);
            using var rest = await Http.SendAsync(ranged);
            Assert.Equal(HttpStatusCode.PartialContent, rest.StatusCode);
            Assert.Equal(bytes[100..], await rest.Content.ReadAsByteArrayAsync());

            Assert.Equal(bytes, await Http.GetByteArrayAsync(url));
            var log = emulator.Host.Downloads.Snapshot();
            Assert.Equal(new[] { 200, 304, 206, 200 }, log.Select(e => e.Status));
            Assert.Equal(new[] { "ProcessMedia", "DescribeTaskDetail" }, emulator.Ledger.Select(e => e.Action));
        }

        [Fact]
        public async Task DownloadFaultsFollowTheirSeedAndNeverTouchTheAdminEndpoints()
        {
            string[] first = await FaultSequenceAsync(seed: 7);
            string[] second = await FaultSequenceAsync(seed: 7);

            Assert.Equal(first, second);
            Assert.Contains("ok", first);
            Assert.Contains("http500", first);
            Assert.Contains("reset", first);
        }

        /// <summary>Twelve downloads of one sheet at a 50 % fault rate: "ok", "http500" or "reset" (the body broke off).</summary>
        private static async Task<string[]> FaultSequenceAsync(int seed)
        {
            await using var emulator = await StartWithFileAsync(o =>
            {
                o.DownloadFaultRate = 0.5;
                o.DownloadFaultSeed = seed;
                o.DownloadFaultKinds = [FaultKind.Http500, FaultKind.Reset];
            });
            string url = (await ProcessAsync(emulator, 10)).GetProperty("ImageUrlSet")[0].GetString()!;
            var outcomes = new string[12];
            for (int i = 0; i < outcomes.Length; i++)
            {
                try
                {
                    using var response = await Http.GetAsync(url);
                    outcomes[i] = response.StatusCode == HttpStatusCode.InternalServerError ? "http500" : ImageHeaders.Read(await response.Content.ReadAsByteArrayAsync()).Format == "jpg" ? "ok" : "?";
                }
                catch (HttpRequestException)
                {
                    outcomes[i] = "reset";
                }

                Assert.Equal(HttpStatusCode.OK, (await TestEmulator.AdminClient.GetAsync(emulator.Host.BaseAddress + "_emulator/health")).StatusCode);
            }

            Assert.Equal(outcomes.Select(o => o == "ok" ? null : o), emulator.Host.Downloads.Snapshot().Select(e => e.Fault));
            return outcomes;
        }

        /// <summary>An emulator whose file "clip" lasts 95.5 s at 1280 × 720.</summary>
        private static async Task<TestEmulator> StartWithFileAsync(Action<Hosting.EmulatorOptions>? configure = null)
        {
            var emulator = await TestEmulator.StartAsync(configure);
            var media = emulator.Host.Service.Media;
            media.Add(media.ParseFiles("""{"files":[{"fileId":"clip","durationSeconds":95.5,"width":1280,"height":720,"category":"Video"}]}"""));
            return emulator;
        }

        private static async Task<int> CreateTemplateAsync(TestEmulator emulator, object template)
        {
            var created = await SendAsync(emulator, new Request("CreateImageSpriteTemplate", Json(template)));
            Assert.Null(ErrorCode(created));
            return created.GetProperty("Definition").GetInt32();
        }

        /// <summary>Runs ProcessMedia on "clip" to the end and returns the sprite's Output.</summary>
        private static async Task<JsonElement> ProcessAsync(TestEmulator emulator, int definition)
        {
            var started = await SendAsync(emulator, new Request("ProcessMedia", Json(new { FileId = "clip", MediaProcessTask = new { ImageSpriteTaskSet = new[] { new { Definition = definition } } } })));
            Assert.Null(ErrorCode(started));
            emulator.Clock.Advance(TimeSpan.FromSeconds(1));
            var detail = await SendAsync(emulator, new Request("DescribeTaskDetail", Json(new { TaskId = started.GetProperty("TaskId").GetString() })));
            return detail.GetProperty("ProcedureTask").GetProperty("MediaProcessResultSet")[0].GetProperty("ImageSpriteTask").GetProperty("Output");
        }
    }
}
