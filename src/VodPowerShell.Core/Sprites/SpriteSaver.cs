using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using VodPowerShell.Core.Downloads;
using VodPowerShell.Core.Errors;

namespace VodPowerShell.Core.Sprites
{
    /// <summary>Downloads a task's sheets and WebVTT into <c>root/&lt;FileId&gt;/&lt;Definition&gt;/</c> and counts the thumbnails.</summary>
    public sealed class SpriteSaver
    {
        private readonly FileDownloader downloader;

        public SpriteSaver(FileDownloader downloader) => this.downloader = downloader;

        /// <summary>
        /// The folder for one file's sprites. A fileId is used as a folder name only when it cannot leave
        /// <paramref name="root"/> or be mistaken for something else (no separators, no "." or "..").
        /// </summary>
        public static string FolderFor(string root, string fileId, int definition)
        {
            bool unsafeName = fileId.Trim().Length == 0 || fileId == "." || fileId == ".." || fileId.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 ||
                fileId.IndexOfAny(new[] { '/', '\\', ':', '*', '?', '"', '<', '>', '|' }) >= 0;
            if (unsafeName)
            {
                throw new VodException(new VodError("UnsafeFileId", VodErrorCategory.InvalidArgument,
                    $"The fileId '{fileId}' cannot be used as a folder name.", RetryPolicy.Never));
            }

            return Path.Combine(root, fileId, definition.ToString(CultureInfo.InvariantCulture));
        }

        public async Task<SavedSprite> SaveAsync(string root, SpriteSource source, CancellationToken cancellationToken)
        {
            string directory = FolderFor(root, source.FileId, source.Definition);
            var urls = new List<string>(source.SheetUrls);
            if (source.WebVttUrl != null) urls.Add(source.WebVttUrl);
            IReadOnlyList<FileDownloadResult> files = await downloader.DownloadAsync(directory, urls, cancellationToken).ConfigureAwait(false);

            var saved = new SavedSprite(source.FileId, source.Definition, directory)
            {
                Files = files,
                SheetPaths = files.Take(source.SheetUrls.Count).Where(IsOnDisk).Select(f => f.Path).ToList(),
                Bytes = files.Where(IsOnDisk).Sum(f => f.Bytes),
                Downloaded = files.Count(f => f.Outcome == DownloadOutcome.Downloaded),
                Skipped = files.Count(f => f.Outcome == DownloadOutcome.Skipped),
                Failed = files.Count(f => f.Outcome == DownloadOutcome.Failed),
                Errors = files.Where(f => f.Error != null).Select(f => new KeyValuePair<string, VodError>(f.Url, f.Error!)).ToList(),
            };
            saved.Error = saved.Errors.Count == 0 ? null : saved.Errors[0].Value.Message;

            FileDownloadResult? webVtt = source.WebVttUrl is null ? null : files[files.Count - 1];
            if (webVtt != null && IsOnDisk(webVtt))
            {
                saved.WebVttPath = webVtt.Path;
                saved.ThumbnailCount = CountThumbnails(webVtt.Path);
            }

            return saved;
        }

        private static bool IsOnDisk(FileDownloadResult file) => file.Outcome != DownloadOutcome.Failed;

        private static int? CountThumbnails(string path)
        {
            try
            {
                return WebVttSpriteReader.ReadFile(path).Cues.Count;
            }
            catch (VodException)
            {
                return null;
            }
        }
    }
}
