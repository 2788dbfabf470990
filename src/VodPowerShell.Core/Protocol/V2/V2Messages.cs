using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using VodPowerShell.Core.Events;
using VodPowerShell.Core.Models;
using VodPowerShell.Core.Operations;

namespace VodPowerShell.Core.Protocol.V2
{
    /// <summary>How the v2 actions the module declares are written and read (docs/protocol.md §5.1–5.5).</summary>
    internal static class V2Messages
    {
        public static void WriteCreateImageSprite(RequestParameters parameters, ImageSpriteRequest request) => parameters
            .Add(WireNames.FileId, request.FileId)
            .Add(WireNames.Definition, request.Definition.ToString(CultureInfo.InvariantCulture));

        public static string ReadTaskId(ImageSpriteRequest request, JsonElement envelope, ResponseContext context) =>
            ResponseBody.RequireTaskId(envelope, WireNames.VodTaskId, context.HttpStatus);

        public static void WriteGetTask(RequestParameters parameters, string taskId) => parameters.Add(WireNames.VodTaskId, taskId);

        public static VodTask ReadTaskInfo(string taskId, JsonElement envelope, ResponseContext context)
        {
            var task = ReadTask(envelope, taskId, context);
            if (JsonRead.Object(envelope, "data") is JsonElement data) SpriteReader.Read(data, task, SpriteFieldNames.V2);
            task.TaskId ??= taskId;
            return task;
        }

        /// <summary>GetTaskList's maxCount range is 10 to 100.</summary>
        public static void WriteListTasks(RequestParameters parameters, TaskListRequest request)
        {
            parameters
                .Add(WireNames.Status, TaskStatusText.ToWire(request.Status))
                .Add(WireNames.MaxCount, Math.Max(10, Math.Min(TaskOperations.MaxTasksPerPage, request.MaxCount)).ToString(CultureInfo.InvariantCulture));
            if (!string.IsNullOrEmpty(request.FileId)) parameters.Add(WireNames.FileId, request.FileId!);
            if (!string.IsNullOrEmpty(request.Next)) parameters.Add(WireNames.Next, request.Next!);
        }

        public static TaskPage ReadTaskList(TaskListRequest request, JsonElement envelope, ResponseContext context)
        {
            var tasks = new List<VodTask>();
            JsonElement data = JsonRead.Object(envelope, "data") ?? default;
            foreach (var item in JsonRead.Array(data, "taskList"))
            {
                var task = ReadTask(item, JsonRead.String(item, WireNames.VodTaskId), context);
                task.FileId ??= request.FileId;
                tasks.Add(task);
            }

            return new TaskPage(tasks, JsonRead.String(data, "next"));
        }

        /// <summary>Tencent does not show an empty answer (docs/protocol.md §5.4): eventList may be missing or [].</summary>
        public static IReadOnlyList<VodEvent> ReadEvents(NoRequest request, JsonElement envelope, ResponseContext context)
        {
            var events = new List<VodEvent>();
            foreach (var item in JsonRead.Array(envelope, "eventList"))
            {
                string? handle = JsonRead.String(item, "msgHandle");
                if (item.TryGetProperty("eventContent", out var content))
                {
                    events.Add(content.ValueKind == JsonValueKind.String ? EventParser.Parse(content.GetString()!, handle) : EventParser.Parse(content, handle));
                }
            }

            return events;
        }

        /// <summary>The Chinese page numbers handles from 0 (docs/protocol.md §5.5).</summary>
        public static void WriteConfirmEvents(RequestParameters parameters, IReadOnlyList<string> eventHandles)
        {
            for (int i = 0; i < eventHandles.Count; i++)
            {
                parameters.Add(WireNames.MsgHandle + "." + i.ToString(CultureInfo.InvariantCulture), eventHandles[i]);
            }
        }

        /// <summary>The task envelope of GetTaskInfo and of each GetTaskList item (docs/protocol.md §5.2, §5.3).</summary>
        private static VodTask ReadTask(JsonElement item, string? taskId, ResponseContext context) => new VodTask
        {
            TaskId = taskId,
            TaskType = JsonRead.String(item, "type"),
            Status = TaskStatusText.Parse(JsonRead.String(item, "status")),
            CreateTime = JsonRead.UnixTime(item, "createTime"),
            BeginProcessTime = JsonRead.UnixTime(item, "beginProcessTime"),
            FinishTime = JsonRead.UnixTime(item, "finishTime"),
            Endpoint = context.Endpoint,
        };
    }
}
