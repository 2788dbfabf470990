using System;
using System.Management.Automation;
using System.Threading;
using VodPowerShell.Core.Downloads;
using VodPowerShell.Core.Errors;
using VodPowerShell.Core.Sprites;
using VodPowerShell.Errors;

namespace VodPowerShell.Commands
{
    /// <summary>
    /// Reads a sprite WebVTT (a saved file, or a URL) into one SpriteThumbnail per cue. Offline for a file; a
    /// URL is fetched under the download rules (HTTPS except loopback, size cap, no credentials). A malformed
    /// cue writes a WebVttMalformed error with its line number; the good cues are still written.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "VodSpriteThumbnail", DefaultParameterSetName = PathSet)]
    [OutputType(typeof(SpriteThumbnail))]
    public sealed class GetVodSpriteThumbnailCommand : VodCmdlet
    {
        /// <summary>A WebVTT of sprites is a few MB at most (a day of video at one thumbnail a second).</summary>
        public const int MaximumWebVttBytes = 32 * 1024 * 1024;

        private const string PathSet = "Path";
        private const string UriSet = "Uri";

        private FileDownloader? downloader;

        /// <summary>A saved WebVTT; binds from Save-VodImageSprite's WebVttPath and Get-ChildItem's FullName.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("WebVttPath", "FullName")]
        [AllowNull]
        [AllowEmptyString]
        public string? Path { get; set; }

        /// <summary>A WebVTT on the web; binds from a task's WebVttUrl.</summary>
        [Parameter(Mandatory = true, ParameterSetName = UriSet, ValueFromPipelineByPropertyName = true)]
        [Alias("WebVttUrl")]
        [AllowNull]
        public Uri? Uri { get; set; }

        /// <summary>Copied to every thumbnail; the WebVTT does not name its file.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyString]
        public string? FileId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        public int? Definition { get; set; }

        protected override void ProcessRecord()
        {
            object target = (object?)Path ?? (object?)Uri ?? FileId ?? string.Empty;
            try
            {
                WebVttReadResult result = ParameterSetName == UriSet ? ReadUri() : ReadFile();
                foreach (SpriteThumbnail cue in result.Cues)
                {
                    cue.FileId = string.IsNullOrEmpty(FileId) ? null : FileId;
                    cue.Definition = Definition;
                    WriteObject(cue);
                }

                foreach (WebVttProblem problem in result.Problems)
                {
                    var error = new VodError("WebVttMalformed", VodErrorCategory.InvalidData, $"{target}, {problem}", RetryPolicy.Never);
                    WriteError(ErrorRecordFactory.Create(error, target));
                }
            }
            catch (VodException ex)
            {
                WriteError(ErrorRecordFactory.Create(ex, target));
            }
            catch (OperationCanceledException) when (Stopping)
            {
                throw new PipelineStoppedException();
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) downloader?.Dispose();
            base.Dispose(disposing);
        }

        private WebVttReadResult ReadFile()
        {
            if (string.IsNullOrEmpty(Path)) throw NoWebVtt();
            return WebVttSpriteReader.ReadFile(GetUnresolvedProviderPathFromPSPath(Path));
        }

        private WebVttReadResult ReadUri()
        {
            if (Uri is null) throw NoWebVtt();
            string url = Uri.IsAbsoluteUri ? Uri.AbsoluteUri : Uri.OriginalString;
            downloader ??= new FileDownloader(new DownloadOptions());
            string text = downloader.ReadTextAsync(url, MaximumWebVttBytes, CancellationToken).GetAwaiter().GetResult();
            return WebVttSpriteReader.Parse(text, url);
        }

        private VodException NoWebVtt() => new VodException(new VodError("NoWebVtt", VodErrorCategory.InvalidOperation,
            $"File {FileId} has no WebVTT to read: its task has not finished, it failed, or its WebVTT was not saved.", RetryPolicy.Never));
    }
}
