using System.Globalization;
using VodPowerShell.Core.Models;

namespace VodPowerShell.Core.Errors
{
    /// <summary>
    /// The catalogue of task outcomes: media-processing codes, which must never be read against the service
    /// codes of the call (docs/protocol.md §7.5). Tencent documents them by range.
    /// </summary>
    public static class TaskOutcomeErrors
    {
        public const string TaskFailedId = "TaskFailed";

        /// <summary>A finished task that did not succeed, as an error with advice for its code's range.</summary>
        public static VodError For(VodTask task)
        {
            string code = task.ErrorCode?.ToString(CultureInfo.InvariantCulture) ?? "unknown";
            string detail = task.ErrorMessage is null ? string.Empty : ": " + task.ErrorMessage;
            return new VodError(TaskFailedId, VodErrorCategory.InvalidResult,
                $"Task {task.TaskId} for file {task.FileId} finished with error {code}{detail}.",
                RetryPolicy.Never, code: task.ErrorCode, kind: VodErrorKind.TaskOutcome, recommendedAction: ActionFor(task.ErrorCode));
        }

        /// <summary>Advice by range: -43xxx the source could not be decoded, -44xxx the capture step failed.</summary>
        public static string ActionFor(int? code)
        {
            if (code <= -43000 && code > -44000) return "The source file could not be decoded (it may be damaged or in an unsupported format): check or upload it again, then submit it again.";
            if (code <= -44000 && code > -45000) return "The capture step failed for this file and template: check the template, then submit the file again; if it fails again, open a ticket with the task id.";
            return "The task failed in processing: submit the file again; if it fails again, open a ticket with the task id.";
        }
    }
}
