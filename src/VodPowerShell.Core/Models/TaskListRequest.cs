namespace VodPowerShell.Core.Models
{
    /// <summary>One page of tasks in a state, of one file or all; <see cref="Next"/> is the previous page's cursor.</summary>
    public sealed class TaskListRequest
    {
        public TaskListRequest(VodTaskStatus status, string? fileId, int maxCount, string? next = null)
        {
            Status = status;
            FileId = fileId;
            MaxCount = maxCount;
            Next = next;
        }

        public VodTaskStatus Status { get; }

        public string? FileId { get; }

        /// <summary>Tasks per page; each version clamps it to its own range.</summary>
        public int MaxCount { get; }

        public string? Next { get; }

        public TaskListRequest At(string next) => new TaskListRequest(Status, FileId, MaxCount, next);
    }
}
