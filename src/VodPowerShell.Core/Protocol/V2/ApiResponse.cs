using System.Globalization;
using System.Text.Json;
using VodPowerShell.Core.Errors;

namespace VodPowerShell.Core.Protocol.V2
{
    /// <summary>
    /// A parsed v2 envelope (docs/protocol.md §4.1): <c>code</c>, <c>message</c>, <c>codeDesc</c>, and the action's
    /// own fields beside them in <see cref="Body"/>.
    /// </summary>
    /// <remarks>
    /// The envelope is read with one forward-only pass that also validates the whole body; the JSON tree
    /// (<see cref="Body"/>) is built only for actions that need more than a top-level string, so the
    /// CreateImageSprite answer of a long pipeline never builds one.
    /// </remarks>
    public sealed class ApiResponse
    {
        private readonly byte[] bytes;
        private JsonElement? body;
        private VodError? replayed;

        private ApiResponse(int code, string message, string? codeDesc, byte[] bytes, int httpStatus)
        {
            Code = code;
            Message = message;
            CodeDesc = codeDesc;
            this.bytes = bytes;
            HttpStatus = httpStatus;
        }

        public int Code { get; }

        public string Message { get; }

        public string? CodeDesc { get; }

        /// <summary>The whole JSON object, detached from the buffer it was read from; built on first use.</summary>
        public JsonElement Body => body ??= ResponseBody.ParseObject(HttpStatus, bytes);

        public int HttpStatus { get; }

        public bool IsSuccess => Code == 0;

        /// <summary>The service error this response carries, or null on success.</summary>
        public VodError? Error => IsSuccess ? null : replayed ?? VodError.FromServiceCode(Code, Message, CodeDesc);

        /// <summary>Reads this 4500 as a spent Nonce rather than a stale Timestamp (see <see cref="VodError.NonceReplayed"/>).</summary>
        public void MarkNonceReplayed() => replayed = VodError.NonceReplayed(Code, Message, CodeDesc);

        /// <summary>A top-level string field, or null when it is missing or not a string (the last one wins if repeated).</summary>
        public string? GetString(string name)
        {
            string? value = null;
            var reader = new Utf8JsonReader(bytes);
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool wanted = reader.ValueTextEquals(name);
                reader.Read();
                if (wanted) value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                reader.Skip();
            }

            return value;
        }

        /// <summary>
        /// Parses a body the service answered with. Anything that is not a JSON object with a numeric
        /// <c>code</c> (as a number or a numeric string; the docs show both) becomes a <see cref="VodException"/>.
        /// </summary>
        public static ApiResponse Parse(int httpStatus, byte[] body)
        {
            ResponseBody.ThrowIfNotAnswer(httpStatus, body);
            int? code = null;
            string message = string.Empty;
            string? codeDesc = null;
            try
            {
                var reader = new Utf8JsonReader(body);
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    JsonTokenType root = reader.TokenType;
                    reader.Skip();
                    while (reader.Read())
                    {
                        // Reading to the end rejects trailing content, as a full parse would.
                    }

                    throw ResponseBody.Malformed(httpStatus, $"The response body is JSON {KindOf(root)}, not an object.");
                }

                // Repeated names: the last one wins, as JsonElement.TryGetProperty reads them.
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("code")) { reader.Read(); code = ReadCode(ref reader); }
                    else if (reader.ValueTextEquals("message")) { reader.Read(); message = reader.TokenType == JsonTokenType.String ? reader.GetString() ?? string.Empty : string.Empty; }
                    else if (reader.ValueTextEquals("codeDesc")) { reader.Read(); codeDesc = reader.TokenType == JsonTokenType.String ? reader.GetString() : null; }
                    else reader.Read();

                    reader.Skip();
                }

                while (reader.Read())
                {
                    // Reading to the end rejects trailing content, as a full parse would.
                }
            }
            catch (JsonException ex)
            {
                throw ResponseBody.Malformed(httpStatus, $"The response body is not valid JSON ({body.Length} bytes).", ex);
            }

            if (code is null) throw ResponseBody.Malformed(httpStatus, "The response has no numeric 'code' field.");
            return new ApiResponse(code.Value, message, codeDesc, body, httpStatus);
        }

        private static int? ReadCode(ref Utf8JsonReader reader)
        {
            return reader.TokenType switch
            {
                JsonTokenType.Number => reader.TryGetInt32(out int number) ? number : (int?)null,
                JsonTokenType.String => int.TryParse(reader.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int parsed) ? parsed : (int?)null,
                _ => null,
            };
        }

        private static JsonValueKind KindOf(JsonTokenType token) => token switch
        {
            JsonTokenType.StartArray => JsonValueKind.Array,
            JsonTokenType.String => JsonValueKind.String,
            JsonTokenType.Number => JsonValueKind.Number,
            JsonTokenType.True => JsonValueKind.True,
            JsonTokenType.False => JsonValueKind.False,
            _ => JsonValueKind.Null,
        };
    }
}
