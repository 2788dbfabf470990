using System.Collections.Generic;
using System.Management.Automation;

namespace VodPowerShell.Commands
{
    /// <summary>
    /// Task ids as they arrive from the pipeline: a failed submission has none, and that was already
    /// reported as an error when it failed, so it is skipped quietly rather than reported twice.
    /// </summary>
    internal static class TaskIds
    {
        public static IEnumerable<string> Present(string?[]? taskIds, Cmdlet cmdlet)
        {
            if (taskIds is null || taskIds.Length == 0)
            {
                cmdlet.WriteVerbose("Skipping an input without a task id (its submission failed).");
                yield break;
            }

            foreach (string? taskId in taskIds)
            {
                if (string.IsNullOrWhiteSpace(taskId))
                {
                    cmdlet.WriteVerbose("Skipping an input without a task id (its submission failed).");
                    continue;
                }

                yield return taskId!;
            }
        }
    }
}
