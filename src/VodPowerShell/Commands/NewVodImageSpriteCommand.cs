using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Management.Automation;
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
        private readonly Dictionary<string, ImageSpriteResult> awaitingTask = new Dictionary<string, ImageSpriteResult>(StringComparer.Ordinal);
        private BatchSubmitter? submitter;
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
            if (JournalPath != null) OpenJournal(GetUnresolvedProviderPathFromPSPath(JournalPath));
            clock.Start();
        }

        protected override void ProcessRecord()
        {
            foreach (string fileId in FileId)
            {
                if (!ShouldProcess(fileId, $"Create image sprite with definition {Definition}")) continue;
                Emit(Submitter.Submit(fileId, Definition));
            }
        }

        protected override void EndProcessing()
        {
            if (submitter != null) Emit(submitter.Drain());
            if (Wait && awaitingTask.Count > 0) WaitForTasks();
            if (progress != null)
            {
                progress.RecordType = ProgressRecordType.Completed;
                WriteProgress(progress);
            }
        }

        /// <summary>Built on the first file that is really sent, so -WhatIf needs no credential.</summary>
        private BatchSubmitter Submitter => submitter ??= new BatchSubmitter(Client, ThrottleLimit, ordered: !Unordered, journal, CancellationToken);

        protected override void Dispose(bool disposing)
        {
            if (disposing) journal?.Dispose();
            base.Dispose(disposing);
        }

        private void Emit(IEnumerable<ImageSpriteResult> results)
        {
            try
            {
                foreach (ImageSpriteResult result in results)
                {
                    FlushDebug();
                    emitted++;
                    if (Wait && result.VodTaskId != null && result.GetError() is null)
                    {
                        awaitingTask[result.VodTaskId] = result;
                        continue;
                    }

                    WriteObject(result);
                    if (result.GetError() is VodError error)
                    {
                        failed++;
                        WriteError(ErrorRecordFactory.Create(error, result.FileId));
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
            new TaskWaitLoop(this, PollIntervalSec, WaitTimeoutSec).Run(new List<string>(awaitingTask.Keys), task => EmitWithTask(task.TaskId!, task), EmitWithTask);

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
