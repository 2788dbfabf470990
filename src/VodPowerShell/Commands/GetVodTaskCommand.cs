using System.Management.Automation;
using VodPowerShell.Core.Models;
using VodPowerShell.Core.Operations;

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
        private int status;   // an integer, not the engine's enum: see VodApiCmdlet

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByIdSet)]
        [Alias("TaskId")]
        [AllowNull]
        [AllowEmptyString]
        [AllowEmptyCollection]
        public string?[] VodTaskId { get; set; } = System.Array.Empty<string>();

        [Parameter(Mandatory = true, ParameterSetName = ListSet)]
        public VodTaskStatus Status
        {
            get => (VodTaskStatus)status;
            set => status = (int)value;
        }

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
                var outcome = Await(Client.SendAsync(TaskOperations.GetTask, taskId, CancellationToken));
                if (outcome.IsSuccess) WriteObject(outcome.Value);
                else WriteVodError(outcome.Error!, taskId);
            }
        }

        protected override void EndProcessing()
        {
            if (ParameterSetName != ListSet) return;
            int written = 0;
            var pages = Client.Pages(TaskOperations.ListTaskPages, new TaskListRequest(Status, FileId, TaskOperations.MaxTasksPerPage));
            while (written < First && Await(pages.NextPageAsync(CancellationToken)) is { } outcome)
            {
                if (!outcome.IsSuccess)
                {
                    WriteVodError(outcome.Error!, Status);
                    return;
                }

                foreach (var task in outcome.Value!)
                {
                    if (written++ >= First) return;
                    WriteObject(task);
                }
            }
        }
    }
}
