using System.Text.Json;
using VodPowerShell.Core.Errors;

namespace VodPowerShell.Core.Protocol.V3
{
    /// <summary>
    /// A parsed API 3.0 envelope <c>{"Response":{…, "RequestId":"…"}}</c>; a failure carries
    /// <c>Response.Error.{Code,Message}</c>.
    /// </summary>
    public sealed class V3Response
    {
        private V3Response(JsonElement body, string? requestId, string? errorCode, VodError? error, int httpStatus)
        {
            Body = body;
            RequestId = requestId;
            ErrorCode = errorCode;
            Error = error;
            HttpStatus = httpStatus;
        }

        /// <summary>The <c>Response</c> object, detached from the buffer it was read from.</summary>
        public JsonElement Body { get; }

        public string? RequestId { get; }

        /// <summary>The service's error code (<c>InvalidParameterValue.FileId</c>), null on success.</summary>
        public string? ErrorCode { get; }

        public VodError? Error { get; }

        public bool IsSuccess => Error is null;

        public int HttpStatus { get; }

        /// <summary>
        /// Parses a body the service answered with. Non-JSON pages, unexpected statuses and truncated bodies are
        /// treated as for v2 (<see cref="ResponseBody"/>); a JSON object without <c>Response</c> is malformed.
        /// </summary>
        public static V3Response Parse(int httpStatus, byte[] body)
        {
            JsonElement root = ResponseBody.ParseObject(httpStatus, body);
            if (JsonRead.Object(root, V3WireNames.Response) is not JsonElement response)
            {
                throw ResponseBody.Malformed(httpStatus, "The response has no 'Response' object.");
            }

            string? requestId = JsonRead.String(response, V3WireNames.RequestId);
            if (JsonRead.Object(response, V3WireNames.Error) is JsonElement error)
            {
                string code = JsonRead.String(error, "Code") ?? string.Empty;
                if (code.Length == 0) throw ResponseBody.Malformed(httpStatus, "The response has an 'Error' without a 'Code'.");
                return new V3Response(response, requestId, code, V3ErrorCatalog.ToError(code, JsonRead.String(error, "Message"), httpStatus), httpStatus);
            }

            return new V3Response(response, requestId, null, null, httpStatus);
        }
    }
}
