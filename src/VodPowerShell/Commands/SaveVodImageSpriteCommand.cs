using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using VodPowerShell.Core.Downloads;
using VodPowerShell.Core.Errors;
using VodPowerShell.Core.Sprites;
using VodPowerShell.Errors;
using VodPowerShell.Validation;

namespace VodPowerShell.Commands
{
    /// <summary>
    /// Downloads the sheets and WebVTT of finished sprite tasks into <c>Path/&lt;FileId&gt;/&lt;Definition&gt;/</c> and
    /// emits one SavedSprite per input. CDN downloads, not API calls: no credential, no quota. Transfers run in
    /// parallel; output, errors and progress are written on the pipeline thread only.
    /// </summary>
    [Cmdlet(VerbsData.Save, "VodImageSprite")]
    [OutputType(typeof(SavedSprite))]
    public sealed class SaveVodImageSpriteCommand : VodCmdlet
    {
        private readonly Queue<Task<SavedSprite>> inFlight = new Queue<Task<SavedSprite>>();
        private readonly Stopwatch clock = new Stopwatch();
        private FileDownloader? downloader;
        private SpriteSaver? saver;
        private string root = string.Empty;
        private ProgressRecord? progress;
        private long bytesReceived;
        private int filesDone, filesFailed, filesQueued;

        /// <summary>The folder under which each file gets &lt;FileId&gt;/&lt;Definition&gt;/.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateFileId]
        public string FileId { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(0, int.MaxValue)]
        public int Definition { get; set; }

        /// <summary>The sheets; empty for a task that has not finished or failed.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("ImageSpriteUrls")]
        [AllowNull]
        [AllowEmptyCollection]
        public string[]? ImageSpriteUrl { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyString]
        public string? WebVttUrl { get; set; }

        /// <summary>Only to name the task in an error.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("VodTaskId")]
        [AllowNull]
        [AllowEmptyString]
        public string? TaskId { get; set; }

        /// <summary>Files downloaded at once, across all inputs.</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 4;

        [Parameter]
        [ValidateRange(1, 1024 * 1024)]
        public int MaximumFileSizeMB { get; set; } = DownloadOptions.DefaultMaximumFileSizeMB;

        [Parameter]
        [ValidateRange(0, 20)]
        public int MaximumRetryCount { get; set; } = 3;

        [Parameter]
        [ValidateRange(0, 600)]
        public double RetryIntervalSec { get; set; } = 1;

        /// <summary>Download again even the files the manifest shows complete.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void BeginProcessing()
        {
            root = GetUnresolvedProviderPathFromPSPath(Path);
            downloader = new FileDownloader(new DownloadOptions
            {
                ThrottleLimit = ThrottleLimit,
                MaximumFileBytes = MaximumFileSizeMB * 1024L * 1024L,
                MaximumRetryCount = MaximumRetryCount,
                RetryInterval = TimeSpan.FromSeconds(RetryIntervalSec),
                Force = Force,
                BytesReceived = bytes => Interlocked.Add(ref bytesReceived, bytes),
                FileCompleted = CountFile,
            });
            saver = new SpriteSaver(downloader);
            clock.Start();
        }

        protected override void ProcessRecord()
        {
            var source = new SpriteSource(FileId, Definition, ImageSpriteUrl, WebVttUrl);
            if (!source.HasSprites)
            {
                string task = string.IsNullOrEmpty(TaskId) ? string.Empty : $" (task {TaskId})";
                WriteError(ErrorRecordFactory.Create(new VodError("NoSprites", VodErrorCategory.InvalidOperation,
                    $"File {FileId}{task} has no sprites to save: its task has not finished, or it failed. Pass finished tasks (Wait-VodTask, New-VodImageSprite -Wait).",
                    RetryPolicy.Never), string.IsNullOrEmpty(TaskId) ? FileId : TaskId));
                return;
            }

            try
            {
                SpriteSaver.FolderFor(root, FileId, Definition);
            }
            catch (VodException ex)
            {
                WriteError(ErrorRecordFactory.Create(ex, FileId));
                return;
            }

            Interlocked.Add(ref filesQueued, source.SheetUrls.Count + (source.WebVttUrl is null ? 0 : 1));
            inFlight.Enqueue(saver!.SaveAsync(root, source, CancellationToken));
            EmitCompleted(whileAtLeast: ThrottleLimit);
        }

        protected override void EndProcessing()
        {
            EmitCompleted(whileAtLeast: 1);
            if (progress != null)
            {
                progress.RecordType = ProgressRecordType.Completed;
                WriteProgress(progress);
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) downloader?.Dispose();
            base.Dispose(disposing);
        }

        /// <summary>
        /// Writes the results at the head of the queue, in input order, waiting while <paramref name="whileAtLeast"/>
        /// or more are in flight; progress is refreshed while it waits.
        /// </summary>
        private void EmitCompleted(int whileAtLeast)
        {
            while (inFlight.Count > 0)
            {
                Task<SavedSprite> head = inFlight.Peek();
                if (!head.IsCompleted)
                {
                    if (inFlight.Count < whileAtLeast) return;
                    while (!((IAsyncResult)head).AsyncWaitHandle.WaitOne(250)) ReportProgress();
                }

                inFlight.Dequeue();
                Emit(head);
            }

            ReportProgress();
        }

        private void Emit(Task<SavedSprite> completed)
        {
            SavedSprite saved;
            try
            {
                saved = completed.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (Stopping)
            {
                throw new PipelineStoppedException();
            }

            WriteObject(saved);
            foreach (var failure in saved.Errors) WriteError(ErrorRecordFactory.Create(failure.Value, failure.Key));
        }

        private void CountFile(FileDownloadResult file)
        {
            Interlocked.Increment(ref filesDone);
            if (file.Outcome == DownloadOutcome.Failed) Interlocked.Increment(ref filesFailed);
        }

        private void ReportProgress()
        {
            int queued = Volatile.Read(ref filesQueued);
            if (queued == 0) return;
            int done = Volatile.Read(ref filesDone);
            double megabytes = Interlocked.Read(ref bytesReceived) / (1024.0 * 1024.0);
            progress ??= new ProgressRecord(0, "Saving image sprites", "Starting");
            progress.StatusDescription = $"{done} of {queued} files, {Volatile.Read(ref filesFailed)} failed, {megabytes:0.0} MB at {megabytes / Math.Max(clock.Elapsed.TotalSeconds, 0.001):0.0} MB/s";
            progress.PercentComplete = Math.Min(100, done * 100 / queued);
            WriteProgress(progress);
        }
    }
}
