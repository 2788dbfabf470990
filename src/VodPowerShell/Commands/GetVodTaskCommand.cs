using System.Management.Automation;
using VodPowerShell.Core.Models;

namespace VodPowerShell.Commands
{
    /// <summary>
    /// Gets tasks by id (GetTaskInfo), or lists the tasks in one state (GetTaskList, every page). Task ids bind
    /// from New-VodImageSprite results; a result without a task id (a failed submission) is skipped.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "VodTask", DefaultParameterSetName = ByIdSet)]
    [OutputType(typeof(VodTask))]
    public sealed class GetVodTaskCommand : VodApiCmdlet
    {
        private const string ByIdSet = "ById";
        private const string ListSet = "List";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByIdSet)]
        [Alias("TaskId")]
        [AllowNull]
        [AllowEmptyString]
        [AllowEmptyCollection]
        public string?[] VodTaskId { get; set; } = System.Array.Empty<string>();

        [Parameter(Mandatory = true, ParameterSetName = ListSet)]
        public VodTaskStatus Status { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string? FileId { get; set; }

        /// <summary>Stop after this many tasks; all pages by default.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, int.MaxValue)]
        public int First { get; set; } = int.MaxValue;

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ListSet) return;
            foreach (string taskId in TaskIds.Present(VodTaskId, this))
            {
                if (GetTaskOrReport(taskId) is VodTask task) WriteObject(task);
            }
        }

        protected override void EndProcessing()
        {
            if (ParameterSetName != ListSet) return;
            int written = 0;
            string? next = null;
            do
            {
                var outcome = Await(Client.ListTasksAsync(Status, FileId, Core.Protocol.V3.V3Api.MaxTasksPerPage, next, CancellationToken));
                if (!outcome.IsSuccess)
                {
                    WriteVodError(outcome.Error!, Status);
                    return;
                }

                foreach (var task in outcome.Value!.Tasks)
                {
                    if (written++ >= First) return;
                    WriteObject(task);
                }

                next = outcome.Value.Next;
            }
            while (next != null && written < First);
        }
    }
}
