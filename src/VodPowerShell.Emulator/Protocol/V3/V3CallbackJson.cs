using System;
using System.Buffers;
using System.Text.Json;
using VodPowerShell.Emulator.Domain;

namespace VodPowerShell.Emulator.Protocol.V3
{
    /// <summary>
    /// The 3.0 callback body of a finished sprite (docs/protocol.md §9.4): <c>EventType</c> and a
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
                json.WriteStartObject();
                json.WriteString("EventType", "CreateImageSpriteComplete");
                json.WritePropertyName("CreateImageSpriteCompleteEvent");
                V3TaskJson.WriteImageSpriteTask(json, evt.Task, finished: true);
                foreach (string key in OtherEventKeys) json.WriteNull(key);
                json.WriteEndObject();
            }

            return buffer.WrittenMemory;
        }
    }
}
