using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Management.Automation;
using VodPowerShell.Core.Errors;
using VodPowerShell.Core.Models;

namespace VodPowerShell.Commands
{
    /// <summary>
    /// Polls tasks until each finishes, on the pipeline thread, for Wait-VodTask and New-VodImageSprite -Wait.
    /// The interval grows by half after every round in which nothing finished (up to <see cref="MaximumInterval"/>)
    /// and drops back when something does, so thousands of slow tasks do not eat the quota.
    /// </summary>
    internal sealed class TaskWaitLoop
    {
        public static readonly TimeSpan MaximumInterval = TimeSpan.FromSeconds(60);

        private readonly VodApiCmdlet cmdlet;
        private readonly Func<string, VodTask?> getTask;
        private readonly TimeSpan firstInterval;
        private readonly int timeoutSeconds;

        /// <param name="getTask">Fetches one task, reporting its own errors; null drops the task from the wait.</param>
        public TaskWaitLoop(VodApiCmdlet cmdlet, Func<string, VodTask?> getTask, double pollIntervalSec, int timeoutSeconds)
        {
            this.cmdlet = cmdlet;
            this.getTask = getTask;
            firstInterval = TimeSpan.FromSeconds(pollIntervalSec);
            this.timeoutSeconds = timeoutSeconds;
        }

        /// <summary>
        /// Calls <paramref name="finished"/> for each task as it finishes and <paramref name="timedOut"/> (with the
        /// last state seen, if any) for each still running at the timeout; a task that finished with an error code
        /// also gets a TaskFailed error.
        /// </summary>
        public void Run(IReadOnlyCollection<string> taskIds, Action<VodTask> finished, Action<string, VodTask?> timedOut)
        {
            var pending = new List<string>(taskIds);
            var lastKnown = new Dictionary<string, VodTask>(StringComparer.Ordinal);
            var clock = Stopwatch.StartNew();
            TimeSpan interval = firstInterval;
            var progress = new ProgressRecord(1, "Waiting for VOD tasks", "Polling");

            while (pending.Count > 0)
            {
                int before = pending.Count;
                for (int i = pending.Count - 1; i >= 0; i--)
                {
                    string taskId = pending[i];
                    VodTask? task = getTask(taskId);
                    if (task is null)
                    {
                        pending.RemoveAt(i);
                        continue;
                    }

                    lastKnown[taskId] = task;
                    if (!task.IsFinished) continue;

                    pending.RemoveAt(i);
                    finished(task);
                    if (task.Succeeded == false) cmdlet.WriteVodError(TaskFailed(task), taskId);
                }

                progress.StatusDescription = $"{taskIds.Count - pending.Count} of {taskIds.Count} finished";
                progress.PercentComplete = taskIds.Count == 0 ? 100 : (taskIds.Count - pending.Count) * 100 / taskIds.Count;
                cmdlet.WriteProgress(progress);
                if (pending.Count == 0) break;

                interval = pending.Count < before ? firstInterval : TimeSpan.FromTicks(Math.Min((long)(interval.Ticks * 1.5), Math.Max(MaximumInterval.Ticks, firstInterval.Ticks)));
                if (timeoutSeconds >= 0 && (clock.Elapsed + interval).TotalSeconds > timeoutSeconds)
                {
                    foreach (string taskId in pending)
                    {
                        timedOut(taskId, lastKnown.TryGetValue(taskId, out var last) ? last : null);
                        cmdlet.WriteVodError(new VodError("WaitTimeout", VodErrorCategory.OperationTimeout,
                            $"Task {taskId} had not finished after {timeoutSeconds} s; run Wait-VodTask again to keep waiting.", RetryPolicy.Never), taskId);
                    }

                    break;
                }

                if (cmdlet.WaitCancellable(interval)) throw new PipelineStoppedException();
            }

            progress.RecordType = ProgressRecordType.Completed;
            cmdlet.WriteProgress(progress);
        }

        private static VodError TaskFailed(VodTask task) => TaskOutcomeErrors.For(task);
    }
}
