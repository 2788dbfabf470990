using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using VodPowerShell.Core.Downloads;
using VodPowerShell.Core.Errors;
using VodPowerShell.Core.Sprites;
using VodPowerShell.Core.Tests.TestSupport;
using Xunit;

namespace VodPowerShell.Core.Tests.Sprites
{
    public sealed class SpriteSaverTests
    {
        private const string WebVtt = "WEBVTT\n\n00:00.000 --> 00:10.000\nsprite-0.jpg#xywh=0,0,142,80\n\n00:10.000 --> 00:20.000\nsprite-1.jpg#xywh=0,0,142,80\n";

        [Fact]
        public async Task Saves_the_sheets_and_the_webvtt_under_fileId_and_definition_and_counts_the_thumbnails()
        {
            using var temp = new TempDirectory();
            using var server = new LoopbackFileServer(request => request.Path.EndsWith(".vtt")
                ? ServerReply.File(Encoding.UTF8.GetBytes(WebVtt))
                : request.Path.EndsWith("sprite-1.jpg") ? ServerReply.Error(404) : ServerReply.File(new byte[] { 1, 2, 3 }));
            using var downloader = new FileDownloader(new DownloadOptions());
            var source = new SpriteSource("f1", 10, new[] { server.Url("_media/f1/10/sprite-0.jpg"), server.Url("_media/f1/10/sprite-1.jpg") }, server.Url("_media/f1/10/index.vtt"));

            SavedSprite saved = await new SpriteSaver(downloader).SaveAsync(temp.Path, source, CancellationToken.None);

            Assert.Equal(Path.Combine(temp.Path, "f1", "10"), saved.Directory);
            Assert.Equal(new[] { Path.Combine(saved.Directory, "sprite-0.jpg") }, saved.SheetPaths);
            Assert.Equal(Path.Combine(saved.Directory, "index.vtt"), saved.WebVttPath);
            Assert.Equal(2, saved.ThumbnailCount);
            Assert.Equal((2, 0, 1), (saved.Downloaded, saved.Skipped, saved.Failed));
            Assert.Equal(3 + Encoding.UTF8.GetByteCount(WebVtt), saved.Bytes);
            Assert.Contains("404", saved.Error);
            Assert.True(File.Exists(Path.Combine(saved.Directory, DownloadManifest.FileName)));
        }

        [Theory]
        [InlineData("..")]
        [InlineData("a/b")]
        [InlineData("a\\b")]
        public void A_fileId_that_could_leave_the_folder_is_refused(string fileId)
        {
            var error = Assert.Throws<VodException>(() => SpriteSaver.FolderFor(Path.GetTempPath(), fileId, 10));

            Assert.Equal("UnsafeFileId", error.Error.ErrorId);
        }
    }
}
