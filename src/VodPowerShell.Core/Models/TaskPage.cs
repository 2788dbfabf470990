using System.Collections.Generic;

namespace VodPowerShell.Core.Models
{
    /// <summary>One page of a task listing.</summary>
    public sealed class TaskPage
    {
        public TaskPage(IReadOnlyList<VodTask> tasks, string? next)
        {
            Tasks = tasks;
            Next = string.IsNullOrEmpty(next) ? null : next;
        }

        public IReadOnlyList<VodTask> Tasks { get; }

        /// <summary>Cursor of the next page; null on the last one.</summary>
        public string? Next { get; }
    }
}
