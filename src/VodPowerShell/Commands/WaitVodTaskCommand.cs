using System;
using System.Collections.Generic;
using System.Management.Automation;
using VodPowerShell.Core.Models;

namespace VodPowerShell.Commands
{
    /// <summary>
    /// Polls tasks until they finish and emits each one as it does, like Wait-Job. A task that finishes with an
    /// error code, cannot be found, or is still running at -TimeoutSec writes a non-terminating error; tasks
    /// still running then are emitted in their last known state so nothing is lost.
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
        [Alias("Timeout")]
        [ValidateRange(-1, int.MaxValue)]
        public int TimeoutSec { get; set; } = -1;

        /// <summary>The first interval between polls; it grows while nothing finishes.</summary>
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

        protected override void EndProcessing() =>
            new TaskWaitLoop(this, PollIntervalSec, TimeoutSec).Run(pending, WriteObject, (_, last) =>
            {
                if (last != null) WriteObject(last);
            });
    }
}
