using System;
using System.Collections.Generic;
using System.Text.Json;
using VodPowerShell.Core.Errors;
using VodPowerShell.Core.Events;
using VodPowerShell.Core.Models;
using VodPowerShell.Core.Operations;

namespace VodPowerShell.Core.Protocol.V3
{
    /// <summary>How the API 3.0 actions the module declares are written and read (VOD 2018-07-17; docs/protocol.md §5.6–5.10).</summary>
    internal static class V3Messages
    {
        /// <summary>
        /// PullEvents' only documented "not found" code. With nothing else to look up, it can only mean the
        /// queue had no event, so it is read as an empty pull rather than an error.
        /// </summary>
        public const string NoEventErrorCode = "ResourceNotFound";

        public static void WriteProcessMedia(Utf8JsonWriter writer, ImageSpriteRequest request)
        {
            writer.WriteString(V3WireNames.FileId, request.FileId);
            if (request.SessionId != null) writer.WriteString(V3WireNames.SessionId, request.SessionId);
            writer.WriteStartObject("MediaProcessTask");
            writer.WriteStartArray("ImageSpriteTaskSet");
            writer.WriteStartObject();
            writer.WriteNumber("Definition", request.Definition);
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        public static string ReadTaskId(ImageSpriteRequest request, JsonElement response, ResponseContext context) =>
            ResponseBody.RequireTaskId(response, V3WireNames.TaskId, context.HttpStatus);

        public static void WriteTaskDetail(Utf8JsonWriter writer, string taskId) => writer.WriteString(V3WireNames.TaskId, taskId);

        public static VodTask ReadTaskDetail(string taskId, JsonElement response, ResponseContext context)
        {
            var task = ReadTask(response, taskId, VodTaskStatus.Processing, context);
            task.RequestId = context.RequestId;

            // ProcessMedia sprites report through the task flow; CreateImageSprite (2017) tasks through their own object.
            if (JsonRead.Object(response, "ProcedureTask") is JsonElement procedure) V3Sprites.ReadProcedure(procedure, task);
            if (JsonRead.Object(response, "CreateImageSpriteTask") is JsonElement legacy) SpriteReader.Read(legacy, task, SpriteFieldNames.V3);
            task.TaskId ??= taskId;
            return task;
        }

        /// <summary>DescribeTasks' Limit range is 1 to 100.</summary>
        public static void WriteDescribeTasks(Utf8JsonWriter writer, TaskListRequest request)
        {
            writer.WriteString("Status", TaskStatusText.ToWire(request.Status));
            if (!string.IsNullOrEmpty(request.FileId)) writer.WriteString(V3WireNames.FileId, request.FileId);
            writer.WriteNumber("Limit", Math.Max(1, Math.Min(TaskOperations.MaxTasksPerPage, request.MaxCount)));
            if (!string.IsNullOrEmpty(request.Next)) writer.WriteString("ScrollToken", request.Next);
        }

        public static TaskPage ReadTasks(TaskListRequest request, JsonElement response, ResponseContext context)
        {
            var tasks = new List<VodTask>();
            foreach (var item in JsonRead.Array(response, "TaskSet"))
            {
                var task = ReadTask(item, JsonRead.String(item, V3WireNames.TaskId), request.Status, context);
                task.FileId ??= request.FileId;
                tasks.Add(task);
            }

            return new TaskPage(tasks, JsonRead.String(response, "ScrollToken"));
        }

        /// <summary>EventSet "may return null"; each item is an EventContent: EventHandle, EventType and its *Event object.</summary>
        public static IReadOnlyList<VodEvent> ReadEvents(NoRequest request, JsonElement response, ResponseContext context)
        {
            var events = new List<VodEvent>();
            foreach (var item in JsonRead.Array(response, "EventSet")) events.Add(EventParser.Parse(item));
            return events;
        }

        /// <summary>
        /// Refuses more than <see cref="EventOperations.MaxEventHandlesPerConfirm"/> handles before sending anything,
        /// with a <see cref="VodException"/> (InvalidArgument): the caller batches.
        /// </summary>
        public static void WriteConfirmEvents(Utf8JsonWriter writer, IReadOnlyList<string> eventHandles)
        {
            if (eventHandles.Count > EventOperations.MaxEventHandlesPerConfirm)
            {
                throw new VodException(new VodError("TooManyEventHandles", VodErrorCategory.InvalidArgument,
                    $"ConfirmEvents takes at most {EventOperations.MaxEventHandlesPerConfirm} event handles; {eventHandles.Count} were given. Confirm them in batches.", RetryPolicy.Never));
            }

            writer.WriteStartArray("EventHandles");
            foreach (string handle in eventHandles) writer.WriteStringValue(handle);
            writer.WriteEndArray();
        }

        /// <summary>
        /// The envelope of DescribeTaskDetail and of each DescribeTasks item. A list item may carry no Status of
        /// its own; it is then in the state the list was asked for.
        /// </summary>
        private static VodTask ReadTask(JsonElement item, string? taskId, VodTaskStatus listedStatus, ResponseContext context) => new VodTask
        {
            TaskId = taskId,
            TaskType = JsonRead.String(item, "TaskType"),
            Status = JsonRead.String(item, "Status") is string text ? TaskStatusText.Parse(text) : listedStatus,
            CreateTime = JsonRead.IsoTime(item, "CreateTime"),
            BeginProcessTime = JsonRead.IsoTime(item, "BeginProcessTime"),
            FinishTime = JsonRead.IsoTime(item, "FinishTime"),
            Endpoint = context.Endpoint,
            SubAppId = context.SubAppId,
        };
    }
}
