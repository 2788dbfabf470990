using System;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using VodPowerShell.Emulator.Domain;
using VodPowerShell.Emulator.Tests.TestSupport;

namespace VodPowerShell.Emulator.Tests
{
    public class CreateImageSpriteTests
    {
        [Fact]
        public async Task SuccessReturnsATaskIdInTheDocumentedShape()
        {
            await using var emulator = await TestEmulator.StartAsync();
            var response = await emulator.SendAsync("CreateImageSprite", ("fileId", "14508071098244929440"), ("definition", "10"));

            Assert.Equal(0, response.Code);
            Assert.Equal(string.Empty, response.Message);
            Assert.Equal("Success", response.CodeDesc);
            Assert.Matches(new Regex("^CreateImageSprite-[0-9a-f]{32}$"), response.GetString("vodTaskId"));
            Assert.Equal(response.GetString("vodTaskId"), Assert.Single(emulator.Ledger).VodTaskId);
        }

        [Theory]
        [InlineData("missing-123", "10", 1000)]
        [InlineData("unready-123", "10", 10009)]
        [InlineData("video", "20", 1000)]
        [InlineData("video", "ten", 4000)]
        [InlineData("", "10", 4000)]
        public async Task BadInputsGetTheDocumentedCodes(string fileId, string definition, int expected)
        {
            await using var emulator = await TestEmulator.StartAsync();
            var response = await emulator.SendAsync("CreateImageSprite", ("fileId", fileId), ("definition", definition));

            Assert.Equal(expected, response.Code);
            Assert.Equal(expected, Assert.Single(emulator.Ledger).Code);
        }

        [Fact]
        public void OpenLibraryDurationsAreStableAndInRange()
        {
            int first = MediaLibrary.OpenDurationSeconds("some-file");
            Assert.Equal(first, MediaLibrary.OpenDurationSeconds("some-file"));
            for (int i = 0; i < 1000; i++)
            {
                Assert.InRange(MediaLibrary.OpenDurationSeconds("file-" + i), 30, 1800);
            }
        }

        [Fact]
        public async Task AMediaFileMakesTheLibraryClosed()
        {
            string path = Path.GetTempFileName();
            try
            {
                await File.WriteAllTextAsync(path, """{"files":[{"fileId":"known","durationSeconds":95},{"fileId":"busy","durationSeconds":10,"state":"unready"}]}""");
                await using var emulator = await TestEmulator.StartAsync(o => o.MediaFile = path);

                Assert.Equal(0, (await emulator.SendAsync("CreateImageSprite", ("fileId", "known"), ("definition", "10"))).Code);
                Assert.Equal(10009, (await emulator.SendAsync("CreateImageSprite", ("fileId", "busy"), ("definition", "10"))).Code);
                Assert.Equal(1000, (await emulator.SendAsync("CreateImageSprite", ("fileId", "anything-else"), ("definition", "10"))).Code);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public async Task TheAdminEndpointAddsFiles()
        {
            string path = Path.GetTempFileName();
            try
            {
                await File.WriteAllTextAsync(path, """{"files":[]}""");
                await using var emulator = await TestEmulator.StartAsync(o => o.MediaFile = path);
                Assert.Equal(1000, (await emulator.SendAsync("CreateImageSprite", ("fileId", "late"), ("definition", "10"))).Code);

                using var content = new StringContent("""{"files":[{"fileId":"late","durationSeconds":42}]}""", Encoding.UTF8, "application/json");
                using var added = await TestEmulator.AdminClient.PostAsync(new Uri(emulator.Host.BaseAddress, "/_emulator/media"), content);
                Assert.True(added.IsSuccessStatusCode);

                Assert.Equal(0, (await emulator.SendAsync("CreateImageSprite", ("fileId", "late"), ("definition", "10"))).Code);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void TheOnlyPublishedTemplateIsDefinition10()
        {
            var template = Assert.Single(SpriteTemplateStore.Presets);
            Assert.Equal((10, SpriteSampleType.Time, 10, 10, 10, 142, 80), (template.Definition, template.SampleType, template.SampleInterval, template.Rows, template.Columns, template.Width, template.Height));
        }
    }
}
