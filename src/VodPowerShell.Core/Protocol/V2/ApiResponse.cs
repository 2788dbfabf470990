using System;
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
            if (httpStatus != 200 && !LooksLikeJsonObject(body)) throw UnexpectedStatus(httpStatus, body.Length);

            JsonElement root;
            try
            {
                using var document = JsonDocument.Parse(body);
                root = document.RootElement.Clone();
            }
            catch (JsonException ex)
            {
                throw Malformed(httpStatus, $"The response body is not valid JSON ({body.Length} bytes).", ex);
            }

            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Malformed(httpStatus, $"The response body is JSON {root.ValueKind}, not an object.");
            }

            if (!root.TryGetProperty("code", out var codeElement) || !TryReadCode(codeElement, out int code))
            {
                throw Malformed(httpStatus, "The response has no numeric 'code' field.");
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

        /// <summary>
        /// A 200 whose body is not an envelope (cut short, wrong shape): the service may well have acted on the
        /// request, so the failure is ambiguous.
        /// </summary>
        private static VodException Malformed(int httpStatus, string message, Exception? inner = null) =>
            new VodException(new VodError("MalformedResponse", VodErrorCategory.InvalidResult, $"{message} HTTP status {httpStatus}.",
                RetryPolicy.Never, httpStatus: httpStatus, isAmbiguous: httpStatus == 200), inner);

        /// <summary>
        /// API errors arrive as HTTP 200 (reference §1.3), so any other status with a non-JSON body came from
        /// something in front of the service. 5xx is retried; only a gateway timeout (504) may hide a processed request.
        /// </summary>
        private static VodException UnexpectedStatus(int httpStatus, int length)
        {
            bool serverSide = httpStatus >= 500;
            return new VodException(new VodError(
                serverSide ? "HttpServerError" : "UnexpectedHttpStatus",
                serverSide ? VodErrorCategory.ResourceUnavailable : VodErrorCategory.InvalidResult,
                $"The endpoint answered HTTP status {httpStatus} with a body that is not an API response ({length} bytes).",
                serverSide ? RetryPolicy.Bounded : RetryPolicy.Never,
                httpStatus: httpStatus,
                isAmbiguous: httpStatus == 504));
        }

        private static bool LooksLikeJsonObject(byte[] body)
        {
            foreach (byte b in body)
            {
                if (b == (byte)' ' || b == (byte)'\t' || b == (byte)'\r' || b == (byte)'\n') continue;
                return b == (byte)'{';
            }

            return false;
        }
    }
}
