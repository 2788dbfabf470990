using System;
using System.Text.Json;
using VodPowerShell.Core.Errors;
using VodPowerShell.Core.Models;
using VodPowerShell.Core.Protocol;
using VodPowerShell.Core.Protocol.V3;

namespace VodPowerShell.Core.Events
{
    /// <summary>
    /// Reads an event notification in any format the service sends (docs/protocol.md §9): the v2 "4.0" envelope
    /// (<c>version</c>, <c>eventType</c>, <c>data</c>) and the API 3.0 one (<c>EventType</c> plus a
    /// <c>*Event</c> object), as pulled from the queue or POSTed to a callback URL. The sprite fields are read by
    /// the protocol's own readers (<see cref="SpriteReader"/>, <see cref="V3Sprites"/>).
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
                if (JsonRead.Object(content, "data") is JsonElement data) SpriteReader.Read(data, parsed, SpriteFieldNames.V2);
                return parsed;
            }

            if (JsonRead.String(content, "EventType") is string v3Type)
            {
                parsed.EventType = v3Type;
                parsed.FormatVersion = "3.0";
                parsed.EventHandle ??= JsonRead.String(content, "EventHandle");
                if (JsonRead.Object(content, v3Type + "Event") is JsonElement body)
                {
                    SpriteReader.Read(body, parsed, SpriteFieldNames.V3);
                }
                else if (v3Type == ProcedureStateChanged && JsonRead.Object(content, "ProcedureStateChangeEvent") is JsonElement procedure)
                {
                    // The one event whose object is not named after its type ("…Change", not "…Changed").
                    V3Sprites.ReadProcedure(procedure, parsed);
                }

                return parsed;
            }

            throw NotAnEvent("The JSON has neither 'eventType' (v2 format) nor 'EventType' (API 3.0 format).");
        }

        private static VodException NotAnEvent(string message, Exception? inner = null) =>
            new VodException(new VodError("InvalidEvent", VodErrorCategory.InvalidData, message, RetryPolicy.Never), inner);
    }
}
