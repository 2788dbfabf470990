using System;
using System.Buffers;
using System.Text.Json;
using VodPowerShell.Emulator.Domain;

namespace VodPowerShell.Emulator.Protocol.V3
{
    /// <summary>
    /// The 3.0 callback body of a finished sprite (reference §6.4): <c>EventType</c> and a
    /// <c>CreateImageSpriteCompleteEvent</c>, with the other <c>*Event</c> keys present as null.
    /// </summary>
    public static class V3CallbackJson
    {
        private static readonly string[] OtherEventKeys = { "FileUploadEvent", "ProcedureStateChangeEvent", "FileDeleteEvent", "PullCompleteEvent", "EditMediaCompleteEvent" };

        public static ReadOnlyMemory<byte> EventBytes(ImageSpriteCompletedEvent evt)
        {
            var buffer = new ArrayBufferWriter<byte>(512);
            using (var json = new Utf8JsonWriter(buffer))
            {
                var task = evt.Task;
                var result = task.Result;
                json.WriteStartObject();
                json.WriteString("EventType", "CreateImageSpriteComplete");
                json.WriteStartObject("CreateImageSpriteCompleteEvent");
                json.WriteNumber("ErrCode", result.Status);
                json.WriteString("Message", result.Message);
                json.WriteString("TaskId", task.VodTaskId);
                json.WriteString("FileId", task.File.FileId);
                if (result.Succeeded)
                {
                    json.WriteNumber("Definition", task.Template.Definition);
                    json.WriteNumber("TotalCount", result.TotalCount);
                    json.WriteStartArray("ImageSpriteUrlSet");
                    foreach (string url in result.ImageSpriteUrls) json.WriteStringValue(url);
                    json.WriteEndArray();
                    json.WriteString("WebVttUrl", result.WebVttUrl);
                }

                json.WriteEndObject();
                foreach (string key in OtherEventKeys) json.WriteNull(key);
                json.WriteEndObject();
            }

            return buffer.WrittenMemory;
        }
    }
}
