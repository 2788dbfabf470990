using System;
using System.Text.Json;
using VodPowerShell.Core.Errors;
using VodPowerShell.Core.Models;
using VodPowerShell.Core.Protocol;

namespace VodPowerShell.Core.Events
{
    /// <summary>
    /// Reads an event notification in any format the service sends (docs/protocol.md §9): the v2 "4.0" envelope
    /// (<c>version</c>, <c>eventType</c>, <c>data</c>) and the API 3.0 one (<c>EventType</c> plus a
    /// <c>*Event</c> object), as pulled from the queue or POSTed to a callback URL.
    /// </summary>
    public static class EventParser
    {
        public const string ImageSpriteCompleted = "CreateImageSpriteComplete";

        /// <summary>API 3.0's task-flow event; ProcessMedia sprites report through it (docs/protocol.md §9.3).</summary>
        public const string ProcedureStateChanged = "ProcedureStateChanged";

        public static VodEvent Parse(string json, string? eventHandle = null)
        {
            try
            {
                using var document = JsonDocument.Parse(json);
                return Parse(document.RootElement, eventHandle);
            }
            catch (JsonException ex)
            {
                throw NotAnEvent($"The text is not valid JSON: {ex.Message}", ex);
            }
        }

        public static VodEvent Parse(JsonElement content, string? eventHandle = null)
        {
            if (content.ValueKind != JsonValueKind.Object) throw NotAnEvent($"An event is a JSON object, not {content.ValueKind}.");

            var parsed = new VodEvent { EventHandle = eventHandle, RawContent = content.GetRawText() };
            if (JsonRead.String(content, "eventType") is string v2Type)
            {
                parsed.EventType = v2Type;
                parsed.FormatVersion = "4.0";
                if (JsonRead.Object(content, "data") is JsonElement data) ReadV2Sprite(data, parsed);
                return parsed;
            }

            if (JsonRead.String(content, "EventType") is string v3Type)
            {
                parsed.EventType = v3Type;
                parsed.FormatVersion = "3.0";
                parsed.EventHandle ??= JsonRead.String(content, "EventHandle");
                if (JsonRead.Object(content, v3Type + "Event") is JsonElement body)
                {
                    ReadV3Sprite(body, parsed);
                }
                else if (v3Type == ProcedureStateChanged && JsonRead.Object(content, "ProcedureStateChangeEvent") is JsonElement procedure)
                {
                    // The one event whose object is not named after its type ("…Change", not "…Changed").
                    ReadV3Procedure(procedure, parsed);
                }

                return parsed;
            }

            throw NotAnEvent("The JSON has neither 'eventType' (v2 format) nor 'EventType' (API 3.0 format).");
        }

        /// <summary>The v2 task/event <c>data</c> object (docs/protocol.md §5.2, §9.2); also used for GetTaskInfo.</summary>
        public static void ReadV2Sprite(JsonElement data, SpriteOutput target) => ReadSprite(data, target, SpriteFieldNames.V2);

        /// <summary>API 3.0's CreateImageSpriteTask / CreateImageSpriteCompleteEvent object.</summary>
        public static void ReadV3Sprite(JsonElement body, SpriteOutput target) => ReadSprite(body, target, SpriteFieldNames.V3);

        /// <summary>The same sprite outcome under either version's field names.</summary>
        private static void ReadSprite(JsonElement body, SpriteOutput target, SpriteFieldNames names)
        {
            target.ErrorCode = JsonRead.Int(body, names.ErrorCode);
            target.ErrorMessage = EmptyToNull(JsonRead.String(body, names.Message));
            target.TaskId = JsonRead.String(body, names.TaskId) ?? target.TaskId;
            target.FileId = JsonRead.String(body, names.FileId) ?? target.FileId;
            target.Definition = JsonRead.Int(body, names.Definition);
            target.TotalCount = JsonRead.Int(body, names.TotalCount);
            target.ImageSpriteUrls = JsonRead.StringArray(body, names.ImageSpriteUrls);
            target.WebVttUrl = EmptyToNull(JsonRead.String(body, names.WebVttUrl));
        }

        /// <summary>
        /// API 3.0's ProcedureTask (DescribeTaskDetail) or ProcedureStateChangeEvent: the task and file, and the
        /// sprite fields from the first ImageSprite item of <c>MediaProcessResultSet</c> when there is one.
        /// </summary>
        public static void ReadV3Procedure(JsonElement procedure, SpriteOutput target)
        {
            target.TaskId = JsonRead.String(procedure, "TaskId") ?? target.TaskId;
            target.FileId = JsonRead.String(procedure, "FileId") ?? target.FileId;
            SetOutcome(target, JsonRead.Int(procedure, "ErrCode"), JsonRead.String(procedure, "Message"));
            if (FindImageSpriteTask(procedure) is JsonElement sprite) ReadV3SpriteResult(sprite, target);
        }

        /// <summary>A MediaProcessTaskImageSpriteResult: Status, ErrCode, Message, Input.Definition and a MediaImageSpriteItem Output.</summary>
        private static void ReadV3SpriteResult(JsonElement sprite, SpriteOutput target)
        {
            // A sprite still PROCESSING has ErrCode 0 but no result yet: not a success.
            bool running = string.Equals(JsonRead.String(sprite, "Status"), "PROCESSING", StringComparison.OrdinalIgnoreCase);
            SetOutcome(target, running ? null : JsonRead.Int(sprite, "ErrCode"), JsonRead.String(sprite, "Message"));
            if (JsonRead.Object(sprite, "Input") is JsonElement input) target.Definition = JsonRead.Int(input, "Definition");
            if (JsonRead.Object(sprite, "Output") is JsonElement output)
            {
                target.Definition ??= JsonRead.Int(output, "Definition");
                target.TotalCount = JsonRead.Int(output, "TotalCount");
                target.ImageSpriteUrls = JsonRead.StringArray(output, "ImageUrlSet");
                target.WebVttUrl = EmptyToNull(JsonRead.String(output, "WebVttUrl"));
            }
        }

        /// <summary>
        /// The item whose ImageSpriteTask is set. Its Type is spelled "ImageSprites" in the docs' enumeration and
        /// "ImageSprite" elsewhere, so the object itself is the reliable sign.
        /// </summary>
        private static JsonElement? FindImageSpriteTask(JsonElement procedure)
        {
            foreach (var item in JsonRead.Array(procedure, "MediaProcessResultSet"))
            {
                if (JsonRead.Object(item, "ImageSpriteTask") is JsonElement task) return task;
            }

            return null;
        }

        /// <summary>Success messages ("SUCCESS") are not error messages.</summary>
        private static void SetOutcome(SpriteOutput target, int? errorCode, string? message)
        {
            target.ErrorCode = errorCode;
            target.ErrorMessage = errorCode.GetValueOrDefault() == 0 ? null : EmptyToNull(message);
        }

        private static string? EmptyToNull(string? value) => string.IsNullOrEmpty(value) ? null : value;

        private static VodException NotAnEvent(string message, Exception? inner = null) =>
            new VodException(new VodError("InvalidEvent", VodErrorCategory.InvalidData, message, RetryPolicy.Never), inner);
    }
}
