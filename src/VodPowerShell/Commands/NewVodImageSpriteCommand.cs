using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Management.Automation;
using System.Threading.Tasks;
using VodPowerShell.Completion;
using VodPowerShell.Core.Client;
using VodPowerShell.Core.Errors;
using VodPowerShell.Core.Http;
using VodPowerShell.Core.Journal;
using VodPowerShell.Core.Models;
using VodPowerShell.Errors;
using VodPowerShell.Validation;

namespace VodPowerShell.Commands
{
    /// <summary>
    /// Starts image-sprite capture (CreateImageSprite) for every fileId it receives and emits one result per
    /// input. Requests run up to -ThrottleLimit at a time within the account's quota; a failed file writes a
    /// non-terminating error and the pipeline goes on. With -JournalPath a rerun resumes where a killed run stopped.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "VodImageSprite", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(ImageSpriteResult))]
    public sealed class NewVodImageSpriteCommand : VodApiCmdlet
    {
        public const int DefaultDefinition = 10;

        private readonly Stopwatch clock = new Stopwatch();
        private readonly HashSet<string> startedThisRun = new HashSet<string>(StringComparer.Ordinal);
        private readonly Dictionary<string, ImageSpriteResult> awaitingTask = new Dictionary<string, ImageSpriteResult>(StringComparer.Ordinal);
        private InFlightWindow<ImageSpriteResult>? window;
        private SubmissionJournal? journal;
        private ProgressRecord? progress;
        private int emitted, failed;
        private long lastProgressMs = -1000;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateFileId]
        public string[] FileId { get; set; } = Array.Empty<string>();

        /// <summary>The image sprite template; 10 is the one preset template.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [StrictInteger]
        [ValidateRange(1, int.MaxValue)]
        [ArgumentCompleter(typeof(DefinitionCompleter))]
        public int Definition { get; set; } = DefaultDefinition;

        /// <summary>Requests in flight at once; the quota still bounds the rate.</summary>
        [Parameter]
        [ValidateRange(1, VodHttp.MaxConnectionsPerServer)]
        public int ThrottleLimit { get; set; } = 8;

        /// <summary>Emit results as they complete instead of in input order.</summary>
        [Parameter]
        public SwitchParameter Unordered { get; set; }

        /// <summary>
        /// Hold each result back until its task finishes (as <c>| Wait-VodTask</c> would) and add the sprites to it.
        /// Keeps every result in memory until then: for very large runs prefer Receive-VodEvent.
        /// </summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>With -Wait: seconds to wait for all tasks; -1 (the default) waits as long as it takes.</summary>
        [Parameter]
        [ValidateRange(-1, int.MaxValue)]
        public int WaitTimeoutSec { get; set; } = -1;

        /// <summary>With -Wait: the first interval between polls; it grows while nothing finishes.</summary>
        [Parameter]
        [ValidateRange(0.01, 3600)]
        public double PollIntervalSec { get; set; } = 5;

        /// <summary>Append-only journal that makes a rerun skip what already has a task.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? JournalPath { get; set; }

        protected override void BeginProcessing()
        {
            window = new InFlightWindow<ImageSpriteResult>(ThrottleLimit, ordered: !Unordered);
            if (JournalPath != null) OpenJournal(GetUnresolvedProviderPathFromPSPath(JournalPath));
            clock.Start();
        }

        protected override void ProcessRecord()
        {
            foreach (string fileId in FileId)
            {
                if (!ShouldProcess(fileId, $"Create image sprite with definition {Definition}")) continue;
                Emit(window!.Add(Start(fileId, Definition)));
            }
        }

        protected override void EndProcessing()
        {
            if (window is null) return;
            Emit(window.Drain());
            if (Wait && awaitingTask.Count > 0) WaitForTasks();
            if (progress != null)
            {
                progress.RecordType = ProgressRecordType.Completed;
                WriteProgress(progress);
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) journal?.Dispose();
            base.Dispose(disposing);
        }

        private Task<ImageSpriteResult> Start(string fileId, int definition)
        {
            string endpoint = Client.Api.Endpoint.ToString();
            if (journal is null) return Client.CreateImageSpriteAsync(fileId, definition, CancellationToken);

            if (!startedThisRun.Add(definition + "\0" + fileId))
            {
                return Task.FromResult(ImageSpriteResult.Skipped(fileId, definition, endpoint, null, "Skipped: the same fileId and definition came earlier in this run."));
            }

            JournalEntry? previous = journal.Lookup(fileId, definition);
            if (previous?.HasTask == true)
            {
                return Task.FromResult(ImageSpriteResult.Skipped(fileId, definition, endpoint, previous.VodTaskId, "Skipped: the journal shows this file already has a task."));
            }

            if (previous != null && (previous.IsIntent || previous.Status == nameof(SubmissionStatus.Unknown)))
            {
                return ResumeInFlightAsync(fileId, definition, previous, endpoint);
            }

            string sessionId = Client.IdempotencyKeyFor(fileId, definition);
            journal.RecordIntent(fileId, definition, DateTimeOffset.UtcNow, sessionId);
            return Client.CreateImageSpriteAsync(fileId, definition, CancellationToken, sessionId);
        }

        /// <summary>
        /// An earlier run sent this file and never saw the answer. Look its tasks up before sending: if the
        /// task exists it is adopted, if it provably does not the file is submitted (with the earlier run's
        /// idempotency key, so a task the lookup could not see yet is still refused by the service), otherwise
        /// it stays Unknown.
        /// </summary>
        private async Task<ImageSpriteResult> ResumeInFlightAsync(string fileId, int definition, JournalEntry previous, string endpoint)
        {
            ReconcileResult found = await Client.FindSubmittedTaskAsync(fileId, definition, previous.At, CancellationToken).ConfigureAwait(false);
            if (found.TaskId != null)
            {
                var adopted = ImageSpriteResult.Skipped(fileId, definition, endpoint, found.TaskId, "Skipped: an interrupted run had submitted it; the task was found among the file's tasks.");
                adopted.Reconciled = true;
                return adopted;
            }

            if (!found.Decided)
            {
                var unknown = new ImageSpriteResult(fileId, definition, endpoint);
                unknown.SetUnknown(new VodError("SubmissionUnknown", VodErrorCategory.InvalidResult, "An interrupted run sent this file without seeing the answer.", RetryPolicy.Never, isAmbiguous: true), found.Reason);
                return unknown;
            }

            string sessionId = previous.SessionId ?? Client.IdempotencyKeyFor(fileId, definition);
            journal!.RecordIntent(fileId, definition, DateTimeOffset.UtcNow, sessionId);
            return await Client.CreateImageSpriteAsync(fileId, definition, CancellationToken, sessionId).ConfigureAwait(false);
        }

        private void Emit(IEnumerable<ImageSpriteResult> results)
        {
            try
            {
                foreach (ImageSpriteResult result in results)
                {
                    FlushDebug();
                    if (journal != null && (result.Status != SubmissionStatus.Skipped || result.Reconciled)) journal.RecordOutcome(result);
                    emitted++;
                    if (Wait && result.VodTaskId != null && result.Error is null)
                    {
                        awaitingTask[result.VodTaskId] = result;
                        continue;
                    }

                    WriteObject(result);
                    if (result.Error != null)
                    {
                        failed++;
                        WriteError(ErrorRecordFactory.Create(result.Error, result.FileId));
                    }

                    ReportProgress();
                }
            }
            catch (OperationCanceledException) when (Stopping)
            {
                throw new PipelineStoppedException();
            }

            FlushDebug();
        }

        private void WaitForTasks()
        {
            new TaskWaitLoop(this, GetTaskOrReport, PollIntervalSec, WaitTimeoutSec).Run(new List<string>(awaitingTask.Keys), task => EmitWithTask(task.TaskId!, task), EmitWithTask);

            // A task the service could not show (its error is already written) still gets its one result.
            foreach (var result in awaitingTask.Values) WriteObject(result);
            awaitingTask.Clear();
        }

        private void EmitWithTask(string taskId, VodTask? task)
        {
            if (!awaitingTask.TryGetValue(taskId, out var result)) return;
            awaitingTask.Remove(taskId);
            if (task != null) result.AttachTask(task);
            WriteObject(result);
        }

        /// <summary>At most four updates a second: progress rendering is not free on long runs.</summary>
        private void ReportProgress()
        {
            long now = clock.ElapsedMilliseconds;
            if (now - lastProgressMs < 250) return;
            lastProgressMs = now;
            progress ??= new ProgressRecord(0, "Creating image sprites", "Starting");
            double rate = emitted / Math.Max(clock.Elapsed.TotalSeconds, 0.001);
            progress.StatusDescription = $"{emitted} done, {failed} failed, {rate:0.0}/s";
            WriteProgress(progress);
        }

        private void OpenJournal(string path)
        {
            try
            {
                journal = SubmissionJournal.Open(path);
            }
            catch (VodException ex)
            {
                ThrowTerminatingError(ErrorRecordFactory.Create(ex, path));
            }

            WriteVerbose($"Journal {journal!.Path}: {journal.Count} file(s) recorded.");
            foreach (string warning in journal.Warnings) WriteWarning($"Journal {journal.Path}: {warning}");
        }
    }
}
