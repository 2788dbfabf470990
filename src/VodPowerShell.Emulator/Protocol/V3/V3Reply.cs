using System;
using System.Buffers;
using System.Text.Json;

namespace VodPowerShell.Emulator.Protocol.V3
{
    /// <summary>
    /// A finished API 3.0 answer, <c>{"Response":{…,"RequestId":"…"}}</c> over HTTP 200 (errors too), plus what the
    /// ledger records about it.
    /// </summary>
    public sealed class V3Reply
    {
        private V3Reply(ReadOnlyMemory<byte> body, string? errorCode, string? vodTaskId)
        {
            Body = body;
            ErrorCode = errorCode;
            VodTaskId = vodTaskId;
        }

        public ReadOnlyMemory<byte> Body { get; }

        /// <summary><c>Response.Error.Code</c>, null on success.</summary>
        public string? ErrorCode { get; }

        public string? VodTaskId { get; }

        public static V3Reply Error(string code, string message) => Write(code, (code, message), static (json, error) =>
        {
            json.WriteStartObject("Error");
            json.WriteString("Code", error.code);
            json.WriteString("Message", error.message);
            json.WriteEndObject();
        }, null);

        public static V3Reply MissingParameter(string name) => Error(V3ErrorCodes.MissingParameter, $"The request is missing the required parameter {name}.");

        public static V3Reply InvalidParameter(string name) => Error(V3ErrorCodes.InvalidParameter, $"The parameter {name} is malformed.");

        /// <summary>The action's fields beside RequestId.</summary>
        public static V3Reply Success<TState>(TState state, Action<Utf8JsonWriter, TState> writeFields, string? vodTaskId = null) =>
            Write(null, state, writeFields, vodTaskId);

        private static V3Reply Write<TState>(string? errorCode, TState state, Action<Utf8JsonWriter, TState> writeFields, string? vodTaskId)
        {
            var buffer = new ArrayBufferWriter<byte>(256);
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteStartObject("Response");
                writeFields(json, state);
                json.WriteString("RequestId", Guid.NewGuid().ToString());
                json.WriteEndObject();
                json.WriteEndObject();
            }

            return new V3Reply(buffer.WrittenMemory, errorCode, vodTaskId);
        }
    }
}
