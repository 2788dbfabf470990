using System;
using System.Threading;
using System.Threading.Tasks;
using VodPowerShell.Core.Models;

namespace VodPowerShell.Core.Client
{
    /// <summary>
    /// Looks for the sprite task a lost CreateImageSprite may have created: the file's tasks in every state,
    /// created no earlier than the request (less a margin for clock skew), of the image-sprite type.
    /// </summary>
    internal sealed class SubmissionReconciler
    {
        /// <summary>The client's and the service's clocks may disagree by this much.</summary>
        public static readonly TimeSpan ClockMargin = TimeSpan.FromMinutes(2);

        private const int MaxPagesPerStatus = 10;
        private static readonly VodTaskStatus[] AllStatuses = { VodTaskStatus.Waiting, VodTaskStatus.Processing, VodTaskStatus.Finish };

        private readonly VodClient client;

        public SubmissionReconciler(VodClient client) => this.client = client;

        public async Task<ReconcileResult> FindAsync(string fileId, int definition, DateTimeOffset sentAfter, CancellationToken cancellationToken)
        {
            DateTimeOffset since = sentAfter - ClockMargin;
            VodTask? earliest = null;
            foreach (VodTaskStatus status in AllStatuses)
            {
                string? next = null;
                int pages = 0;
                do
                {
                    var outcome = await client.ListTasksAsync(status, fileId, Protocol.V3.V3Api.MaxTasksPerPage, next, cancellationToken).ConfigureAwait(false);
                    if (!outcome.IsSuccess) return ReconcileResult.Undecided($"the lookup of the file's tasks failed ({outcome.Error!.ErrorId})");

                    foreach (VodTask task in outcome.Value!.Tasks)
                    {
                        if (!IsSpriteTaskFor(task, fileId, definition) || task.CreateTime < since) continue;
                        if (earliest is null || task.CreateTime < earliest.CreateTime) earliest = task;
                    }

                    next = outcome.Value.Next;
                }
                while (next != null && ++pages < MaxPagesPerStatus);

                if (next != null) return ReconcileResult.Undecided("the file has too many tasks to search");
            }

            return earliest?.TaskId is string taskId ? ReconcileResult.Found(taskId) : ReconcileResult.NotFound();
        }

        /// <summary>Listings carry the type and sometimes the file and definition; a missing one does not exclude.</summary>
        private static bool IsSpriteTaskFor(VodTask task, string fileId, int definition) =>
            task.TaskId != null &&
            (task.TaskType is null || task.TaskType.IndexOf("sprite", StringComparison.OrdinalIgnoreCase) >= 0 ||
             string.Equals(task.TaskType, "Procedure", StringComparison.OrdinalIgnoreCase)) &&
            (task.FileId is null || string.Equals(task.FileId, fileId, StringComparison.Ordinal)) &&
            (task.Definition is null || task.Definition == definition);
    }
}
