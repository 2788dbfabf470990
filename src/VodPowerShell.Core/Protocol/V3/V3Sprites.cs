using System;
using System.Text.Json;
using VodPowerShell.Core.Models;

namespace VodPowerShell.Core.Protocol.V3
{
    /// <summary>API 3.0's task flow, through which ProcessMedia sprites report (docs/protocol.md §9.3).</summary>
    internal static class V3Sprites
    {
        /// <summary>
        /// API 3.0's ProcedureTask (DescribeTaskDetail) or ProcedureStateChangeEvent: the task and file, and the
        /// sprite fields from the first ImageSprite item of <c>MediaProcessResultSet</c> when there is one.
        /// </summary>
        public static void ReadProcedure(JsonElement procedure, SpriteOutput target)
        {
            target.TaskId = JsonRead.String(procedure, "TaskId") ?? target.TaskId;
            target.FileId = JsonRead.String(procedure, "FileId") ?? target.FileId;
            SpriteReader.SetOutcome(target, JsonRead.Int(procedure, "ErrCode"), JsonRead.String(procedure, "Message"));
            if (FindImageSpriteTask(procedure) is JsonElement sprite) ReadSpriteResult(sprite, target);
        }

        /// <summary>A MediaProcessTaskImageSpriteResult: Status, ErrCode, Message, Input.Definition and a MediaImageSpriteItem Output.</summary>
        private static void ReadSpriteResult(JsonElement sprite, SpriteOutput target)
        {
            // A sprite still PROCESSING has ErrCode 0 but no result yet: not a success.
            bool running = string.Equals(JsonRead.String(sprite, "Status"), "PROCESSING", StringComparison.OrdinalIgnoreCase);
            SpriteReader.SetOutcome(target, running ? null : JsonRead.Int(sprite, "ErrCode"), JsonRead.String(sprite, "Message"));
            if (JsonRead.Object(sprite, "Input") is JsonElement input) target.Definition = JsonRead.Int(input, "Definition");
            if (JsonRead.Object(sprite, "Output") is JsonElement output)
            {
                target.Definition ??= JsonRead.Int(output, "Definition");
                target.TotalCount = JsonRead.Int(output, "TotalCount");
                target.ImageSpriteUrls = JsonRead.StringArray(output, "ImageUrlSet");
                target.WebVttUrl = SpriteReader.EmptyToNull(JsonRead.String(output, "WebVttUrl"));
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
    }
}
