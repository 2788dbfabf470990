using System;
using System.Buffers;
using System.Text.Json;
using VodPowerShell.Emulator.Domain;

namespace VodPowerShell.Emulator.Protocol.V2
{
    /// <summary>
    /// The v2 "4.0" event envelope (docs/protocol.md §9.2) and the task data it shares with GetTaskInfo (§5.2). One
    /// writer for PullEvent, push callbacks and GetTaskInfo, so the three can never drift apart.
    /// </summary>
    public static class V2EventJson
    {
        public const string Version = "4.0";
        public const string ImageSpriteCompleteType = "CreateImageSpriteComplete";

        public static void WriteEvent(Utf8JsonWriter json, ImageSpriteCompletedEvent evt)
        {
            json.WriteStartObject();
            json.WriteString("version", Version);
            json.WriteString("eventType", ImageSpriteCompleteType);
            json.WritePropertyName("data");
            WriteTaskData(json, evt.Task);
            json.WriteEndObject();
        }

        public static ReadOnlyMemory<byte> EventBytes(ImageSpriteCompletedEvent evt)
        {
            var buffer = new ArrayBufferWriter<byte>(512);
            using (var json = new Utf8JsonWriter(buffer)) WriteEvent(json, evt);
            return buffer.WrittenMemory;
        }

        /// <summary>A failed task carries only status, message, vodTaskId and fileId, like Tencent's failure example (docs/protocol.md §9.2).</summary>
        public static void WriteTaskData(Utf8JsonWriter json, SpriteTask task)
        {
            var result = task.Result;
            json.WriteStartObject();
            json.WriteNumber("status", result.Status);
            json.WriteString("message", result.Message);
            json.WriteString("vodTaskId", task.VodTaskId);
            json.WriteString("fileId", task.File.FileId);
            if (result.Succeeded)
            {
                json.WriteNumber("definition", task.Template.Definition);
                json.WriteNumber("totalCount", result.TotalCount);
                json.WriteStartArray("imageSpriteUrl");
                foreach (string url in result.ImageSpriteUrls) json.WriteStringValue(url);
                json.WriteEndArray();
                json.WriteString("webVttUrl", result.WebVttUrl);
            }

            json.WriteEndObject();
        }
    }
}
