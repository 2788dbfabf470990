using System;
using System.Buffers;
using System.Text.Json;

namespace VodPowerShell.Emulator.Protocol.V2
{
    /// <summary>A finished v2 answer: the JSON body, plus what the ledger records about it.</summary>
    public sealed class V2Reply
    {
        private V2Reply(ReadOnlyMemory<byte> body, int code, string? vodTaskId)
        {
            Body = body;
            Code = code;
            VodTaskId = vodTaskId;
        }

        public ReadOnlyMemory<byte> Body { get; }

        public int Code { get; }

        public string? VodTaskId { get; }

        /// <summary><c>{"code":N,"message":"…","codeDesc":"…"}</c>, code as a number (docs/protocol.md §4.1), over HTTP 200.</summary>
        public static V2Reply Error(int code, string message) =>
            Write(code, message, 0, static (_, _) => { }, null);

        public static V2Reply MissingParameter(string name) =>
            Error(V2ErrorCodes.InvalidParameter, $"Missing required parameter {name}.");

        public static V2Reply MalformedParameter(string name) =>
            Error(V2ErrorCodes.InvalidParameter, $"Parameter {name} is missing or malformed.");

        /// <summary>The success envelope with the action's fields beside code and message.</summary>
        public static V2Reply Success<TState>(TState state, Action<Utf8JsonWriter, TState> writeFields, string? vodTaskId = null) =>
            Write(V2ErrorCodes.Success, string.Empty, state, writeFields, vodTaskId);

        private static V2Reply Write<TState>(int code, string message, TState state, Action<Utf8JsonWriter, TState> writeFields, string? vodTaskId)
        {
            var buffer = new ArrayBufferWriter<byte>(256);
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteNumber("code", code);
                json.WriteString("message", message);
                json.WriteString("codeDesc", V2ErrorCodes.Describe(code));
                writeFields(json, state);
                json.WriteEndObject();
            }

            return new V2Reply(buffer.WrittenMemory, code, vodTaskId);
        }
    }
}
