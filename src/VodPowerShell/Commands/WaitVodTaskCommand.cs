using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Management.Automation;
using VodPowerShell.Core.Errors;
using VodPowerShell.Core.Models;

namespace VodPowerShell.Commands
{
    /// <summary>
    /// Polls tasks until they finish and emits each one as it does, like Wait-Job. A task that finishes with an
    /// error code, cannot be found, or is still running at -Timeout writes a non-terminating error; tasks still
    /// running at the timeout are emitted in their last known state so nothing is lost.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Wait, "VodTask")]
    [OutputType(typeof(VodTask))]
    public sealed class WaitVodTaskCommand : VodApiCmdlet
    {
        private readonly List<string> pending = new List<string>();
        private readonly HashSet<string> seen = new HashSet<string>(StringComparer.Ordinal);

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("TaskId")]
        [AllowNull]
        [AllowEmptyString]
        [AllowEmptyCollection]
        public string?[] VodTaskId { get; set; } = Array.Empty<string>();

        /// <summary>Seconds to wait for all tasks; -1 (the default) waits as long as it takes.</summary>
        [Parameter]
        [ValidateRange(-1, int.MaxValue)]
        public int Timeout { get; set; } = -1;

        [Parameter]
        [ValidateRange(0.01, 3600)]
        public double PollIntervalSec { get; set; } = 5;

        protected override void ProcessRecord()
        {
            foreach (string taskId in TaskIds.Present(VodTaskId, this))
            {
                if (seen.Add(taskId)) pending.Add(taskId);
            }
        }

        protected override void EndProcessing()
        {
            int total = pending.Count;
            var clock = Stopwatch.StartNew();
            var lastKnown = new Dictionary<string, VodTask>(StringComparer.Ordinal);
            var progress = new ProgressRecord(1, "Waiting for VOD tasks", "Polling") { PercentComplete = 0 };

            while (pending.Count > 0)
            {
                for (int i = pending.Count - 1; i >= 0; i--)
                {
                    string taskId = pending[i];
                    var outcome = Await(Client.GetTaskAsync(taskId, CancellationToken));
                    if (!outcome.IsSuccess)
                    {
                        WriteVodError(outcome.Error!, taskId);
                        pending.RemoveAt(i);
                        continue;
                    }

                    VodTask task = outcome.Value!;
                    lastKnown[taskId] = task;
                    if (!task.IsFinished) continue;

                    pending.RemoveAt(i);
                    WriteObject(task);
                    if (task.Succeeded == false) WriteVodError(TaskFailed(task), taskId);
                }

                progress.StatusDescription = $"{total - pending.Count} of {total} finished";
                progress.PercentComplete = total == 0 ? 100 : (total - pending.Count) * 100 / total;
                WriteProgress(progress);

                if (pending.Count == 0) break;
                if (Timeout >= 0 && clock.Elapsed.TotalSeconds + PollIntervalSec > Timeout)
                {
                    ReportTimedOut(lastKnown);
                    break;
                }

                if (CancellationToken.WaitHandle.WaitOne(TimeSpan.FromSeconds(PollIntervalSec))) throw new PipelineStoppedException();
            }

            progress.RecordType = ProgressRecordType.Completed;
            WriteProgress(progress);
        }

        private void ReportTimedOut(Dictionary<string, VodTask> lastKnown)
        {
            foreach (string taskId in pending)
            {
                if (lastKnown.TryGetValue(taskId, out var task)) WriteObject(task);
                WriteVodError(new VodError("WaitTimeout", VodErrorCategory.OperationTimeout,
                    $"Task {taskId} had not finished after {Timeout} s; run Wait-VodTask again to keep waiting.", RetryPolicy.Never), taskId);
            }
        }

        private static VodError TaskFailed(VodTask task) =>
            new VodError("TaskFailed", VodErrorCategory.InvalidResult,
                $"Task {task.TaskId} for file {task.FileId} finished with error {task.ErrorCode}{(task.ErrorMessage is null ? string.Empty : ": " + task.ErrorMessage)}.",
                RetryPolicy.Never, code: task.ErrorCode);
    }
}
