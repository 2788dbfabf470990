using System;
using System.Globalization;
using System.Text.Json;
using VodPowerShell.Emulator.Domain;

namespace VodPowerShell.Emulator.Protocol.V3
{
    /// <summary>
    /// How a sprite task looks in API 3.0 (docs/protocol.md §9.3): a ProcessMedia task as a task flow ("Procedure") whose
    /// MediaProcessResultSet holds the sprite, a CreateImageSprite task as the 2017 sprite object. One writer for
    /// DescribeTaskDetail, DescribeTasks and PullEvents, so they can never drift apart.
    /// </summary>
    public static class V3TaskJson
    {
        public const string ProcedureTaskType = "Procedure";

        /// <summary>The docs' enumeration spells the legacy task type and the result type with an "s".</summary>
        public const string ImageSpritesType = "ImageSprites";

        public const string ProcedureStateChanged = "ProcedureStateChanged";
        public const string ImageSpriteComplete = "CreateImageSpriteComplete";

        /// <summary>DescribeTaskDetail's fields: the envelope, then the one task object that applies (the other is null).</summary>
        public static void WriteDetail(Utf8JsonWriter json, SpriteTask task, DateTimeOffset now)
        {
            bool procedure = task.Origin == SpriteTaskOrigin.MediaProcessing;
            WriteEnvelope(json, task, now);
            json.WritePropertyName("ProcedureTask");
            if (procedure) WriteProcedure(json, task, now);
            else json.WriteNullValue();
            json.WritePropertyName("CreateImageSpriteTask");
            if (procedure) json.WriteNullValue();
            else WriteImageSpriteTask(json, task, finished: task.StatusAt(now) == SpriteTaskStatus.Finish);
        }

        /// <summary>One DescribeTasks item.</summary>
        public static void WriteListItem(Utf8JsonWriter json, SpriteTask task, DateTimeOffset now)
        {
            json.WriteStartObject();
            json.WriteString(V3Names.TaskId, task.VodTaskId);
            json.WriteString(V3Names.FileId, task.File.FileId);
            WriteEnvelope(json, task, now);
            json.WriteEndObject();
        }

        /// <summary>One PullEvents item; the event object not used by this event type is null, as in the docs.</summary>
        public static void WriteEvent(Utf8JsonWriter json, LeasedEvent leased, DateTimeOffset now)
        {
            var task = leased.Event.Task;
            bool procedure = task.Origin == SpriteTaskOrigin.MediaProcessing;
            json.WriteStartObject();
            json.WriteString("EventHandle", leased.MsgHandle);
            json.WriteString("EventType", procedure ? ProcedureStateChanged : ImageSpriteComplete);
            json.WritePropertyName("ProcedureStateChangeEvent");
            if (procedure) WriteProcedure(json, task, now);
            else json.WriteNullValue();
            json.WritePropertyName("CreateImageSpriteCompleteEvent");
            if (procedure) json.WriteNullValue();
            else WriteImageSpriteTask(json, task, finished: task.StatusAt(now) == SpriteTaskStatus.Finish);
            json.WriteEndObject();
        }

        /// <summary>TaskType, Status and the ISO-8601 times; a time not reached yet is an empty string.</summary>
        private static void WriteEnvelope(Utf8JsonWriter json, SpriteTask task, DateTimeOffset now)
        {
            var status = task.StatusAt(now);
            json.WriteString("TaskType", task.Origin == SpriteTaskOrigin.MediaProcessing ? ProcedureTaskType : ImageSpritesType);
            json.WriteString(V3Names.Status, StatusName(status));
            json.WriteString("CreateTime", IsoTime(task.CreateTime));
            json.WriteString("BeginProcessTime", status == SpriteTaskStatus.Waiting ? string.Empty : IsoTime(task.BeginProcessTime));
            json.WriteString("FinishTime", status == SpriteTaskStatus.Finish ? IsoTime(task.FinishTime) : string.Empty);
        }

        /// <summary>ProcedureTask / ProcedureStateChangeEvent: the flow succeeded; the sprite result says how the sprite went.</summary>
        private static void WriteProcedure(Utf8JsonWriter json, SpriteTask task, DateTimeOffset now)
        {
            var status = task.StatusAt(now);
            json.WriteStartObject();
            json.WriteString(V3Names.TaskId, task.VodTaskId);
            json.WriteString(V3Names.Status, StatusName(status));
            json.WriteNumber("ErrCode", 0);
            json.WriteString("Message", string.Empty);
            json.WriteString(V3Names.FileId, task.File.FileId);
            json.WriteStartArray("MediaProcessResultSet");
            json.WriteStartObject();
            json.WriteString("Type", ImageSpritesType);
            json.WritePropertyName("ImageSpriteTask");
            WriteSpriteResult(json, task, status == SpriteTaskStatus.Finish);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        /// <summary>MediaProcessTaskImageSpriteResult: Output (a MediaImageSpriteItem) only once it succeeded.</summary>
        private static void WriteSpriteResult(Utf8JsonWriter json, SpriteTask task, bool finished)
        {
            var result = task.Result;
            json.WriteStartObject();
            json.WriteString("Status", !finished ? "PROCESSING" : result.Succeeded ? "SUCCESS" : "FAIL");
            json.WriteNumber("ErrCode", finished ? result.Status : 0);
            json.WriteString("Message", !finished ? string.Empty : result.Succeeded ? "SUCCESS" : result.Message);
            json.WriteStartObject("Input");
            json.WriteNumber(V3Names.Definition, task.Template.Definition);
            json.WriteEndObject();
            json.WritePropertyName("Output");
            if (finished && result.Succeeded)
            {
                json.WriteStartObject();
                json.WriteNumber(V3Names.Definition, task.Template.Definition);
                json.WriteNumber("Height", result.Layout?.CellHeight ?? task.Template.Height);
                json.WriteNumber("Width", result.Layout?.CellWidth ?? task.Template.Width);
                json.WriteNumber("TotalCount", result.TotalCount);
                WriteUrls(json, "ImageUrlSet", result);
                json.WriteString("WebVttUrl", result.WebVttUrl);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNullValue();
            }

            json.WriteEndObject();
        }

        /// <summary>
        /// CreateImageSpriteTask2017 / CreateImageSpriteCompleteEvent. Before it finishes there is no outcome, so
        /// ErrCode is left out rather than claiming a 0 (success) that has not happened.
        /// </summary>
        public static void WriteImageSpriteTask(Utf8JsonWriter json, SpriteTask task, bool finished)
        {
            var result = task.Result;
            json.WriteStartObject();
            json.WriteString(V3Names.TaskId, task.VodTaskId);
            json.WriteString(V3Names.FileId, task.File.FileId);
            json.WriteNumber(V3Names.Definition, task.Template.Definition);
            if (finished)
            {
                json.WriteNumber("ErrCode", result.Status);
                json.WriteString("Message", result.Message);
                json.WriteNumber("TotalCount", result.TotalCount);
                WriteUrls(json, "ImageSpriteUrlSet", result);
                json.WriteString("WebVttUrl", result.WebVttUrl);
            }

            json.WriteEndObject();
        }

        private static void WriteUrls(Utf8JsonWriter json, string name, SpriteResult result)
        {
            json.WriteStartArray(name);
            foreach (string url in result.ImageSpriteUrls) json.WriteStringValue(url);
            json.WriteEndArray();
        }

        public static string StatusName(SpriteTaskStatus status) => status switch
        {
            SpriteTaskStatus.Waiting => "WAITING",
            SpriteTaskStatus.Processing => "PROCESSING",
            _ => "FINISH",
        };

        private static string IsoTime(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }
}
