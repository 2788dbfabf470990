using System.Globalization;
using System.Text.Json;
using VodPowerShell.Core.Errors;

namespace VodPowerShell.Core.Protocol.V2
{
    /// <summary>
    /// A parsed v2 envelope (reference §1.3): <c>code</c>, <c>message</c>, <c>codeDesc</c>, and the action's
    /// own fields beside them in <see cref="Body"/>.
    /// </summary>
    public sealed class ApiResponse
    {
        private ApiResponse(int code, string message, string? codeDesc, JsonElement body, int httpStatus)
        {
            Code = code;
            Message = message;
            CodeDesc = codeDesc;
            Body = body;
            HttpStatus = httpStatus;
        }

        public int Code { get; }

        public string Message { get; }

        public string? CodeDesc { get; }

        /// <summary>The whole JSON object, detached from the buffer it was read from.</summary>
        public JsonElement Body { get; }

        public int HttpStatus { get; }

        public bool IsSuccess => Code == 0;

        /// <summary>The service error this response carries, or null on success.</summary>
        public VodError? Error => IsSuccess ? null : VodError.FromServiceCode(Code, Message, CodeDesc);

        public string? GetString(string name) =>
            Body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        /// <summary>
        /// Parses a body the service answered with. Anything that is not a JSON object with a numeric
        /// <c>code</c> (as a number or a numeric string; the docs show both) becomes a <see cref="VodException"/>.
        /// </summary>
        public static ApiResponse Parse(int httpStatus, byte[] body)
        {
            JsonElement root = ResponseBody.ParseObject(httpStatus, body);
            if (!root.TryGetProperty("code", out var codeElement) || !TryReadCode(codeElement, out int code))
            {
                throw ResponseBody.Malformed(httpStatus, "The response has no numeric 'code' field.");
            }

            string message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() ?? string.Empty : string.Empty;
            string? codeDesc = root.TryGetProperty("codeDesc", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
            return new ApiResponse(code, message, codeDesc, root, httpStatus);
        }

        private static bool TryReadCode(JsonElement element, out int code)
        {
            code = 0;
            return element.ValueKind switch
            {
                JsonValueKind.Number => element.TryGetInt32(out code),
                JsonValueKind.String => int.TryParse(element.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out code),
                _ => false,
            };
        }
    }
}
