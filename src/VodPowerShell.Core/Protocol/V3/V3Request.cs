using System;
using System.IO;
using System.Text.Json;

namespace VodPowerShell.Core.Protocol.V3
{
    /// <summary>One API 3.0 call: the action (a header) and its JSON body, exactly the bytes that are signed and sent.</summary>
    public sealed class V3Request
    {
        public V3Request(string action, byte[] body)
        {
            Action = action;
            Body = body;
        }

        public string Action { get; }

        public byte[] Body { get; }

        /// <summary>
        /// Writes <c>{ fields…, "SubAppId": n }</c> with <see cref="Utf8JsonWriter"/>: no reflection, and the
        /// sub-application travels with every action because every VOD action accepts it.
        /// </summary>
        public static V3Request Create(string action, ulong? subAppId, Action<Utf8JsonWriter>? writeFields = null)
        {
            using var buffer = new MemoryStream(256);
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writeFields?.Invoke(writer);
                if (subAppId is ulong id) writer.WriteNumber(V3WireNames.SubAppId, id);
                writer.WriteEndObject();
            }

            return new V3Request(action, buffer.ToArray());
        }
    }
}
