using VodPowerShell.Core.Models;
using VodPowerShell.Core.Protocol.V2;
using VodPowerShell.Core.Protocol.V3;

namespace VodPowerShell.Core.Operations
{
    /// <summary>Sprite capture and its tasks, in both API versions (docs/protocol.md §5.1–5.3, §5.6–5.8), declared once.</summary>
    public static class TaskOperations
    {
        /// <summary>The largest page either version lists (GetTaskList's maxCount, DescribeTasks' Limit).</summary>
        public const int MaxTasksPerPage = 100;

        /// <summary>
        /// Starts sprite capture; the answer is the task id. Never resent after a lost answer: it may have started
        /// a task (<see cref="Client.VodClient.CreateImageSpriteAsync"/> reconciles instead), and v2 sends it as a
        /// form POST so no HTTP stack resends it either (docs/protocol.md §10).
        /// </summary>
        public static readonly VodOperation<ImageSpriteRequest, string> CreateImageSprite = new VodOperation<ImageSpriteRequest, string>(
            "CreateImageSprite", isIdempotent: false,
            v2Action: WireNames.CreateImageSprite, writeV2: V2Messages.WriteCreateImageSprite, readV2: V2Messages.ReadTaskId,
            v3Action: V3WireNames.ProcessMedia, writeV3: V3Messages.WriteProcessMedia, readV3: V3Messages.ReadTaskId);

        /// <summary>One task by id, with its sprites once they exist.</summary>
        public static readonly VodOperation<string, VodTask> GetTask = new VodOperation<string, VodTask>(
            "GetTask", isIdempotent: true,
            v2Action: WireNames.GetTaskInfo, writeV2: V2Messages.WriteGetTask, readV2: V2Messages.ReadTaskInfo,
            v3Action: V3WireNames.DescribeTaskDetail, writeV3: V3Messages.WriteTaskDetail, readV3: V3Messages.ReadTaskDetail);

        /// <summary>One page of tasks in a state; <see cref="TaskPage.Next"/> is the cursor of the next.</summary>
        public static readonly VodOperation<TaskListRequest, TaskPage> ListTasks = new VodOperation<TaskListRequest, TaskPage>(
            "ListTasks", isIdempotent: true,
            v2Action: WireNames.GetTaskList, writeV2: V2Messages.WriteListTasks, readV2: V2Messages.ReadTaskList,
            v3Action: V3WireNames.DescribeTasks, writeV3: V3Messages.WriteDescribeTasks, readV3: V3Messages.ReadTasks);

        /// <summary>Both versions page tasks by cursor (v2's next, API 3.0's ScrollToken).</summary>
        public static readonly PagedOperation<TaskListRequest, TaskPage, VodTask> ListTaskPages = new PagedOperation<TaskListRequest, TaskPage, VodTask>(
            ListTasks,
            items: page => page.Tasks,
            nextPosition: (_, page) => page.Next,
            at: (request, next) => request.At(next));
    }
}
