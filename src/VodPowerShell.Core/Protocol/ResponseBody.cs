using System;
using System.Text.Json;
using VodPowerShell.Core.Errors;

namespace VodPowerShell.Core.Protocol
{
    /// <summary>
    /// What every API version does with a body before reading its envelope: HTTP status rules, non-JSON
    /// pages, truncated or wrongly shaped JSON, and which of those failures may hide a processed request.
    /// </summary>
    public static class ResponseBody
    {
        /// <summary>
        /// The body as a JSON object, detached from the buffer. Anything else becomes a <see cref="VodException"/>.
        /// </summary>
        public static JsonElement ParseObject(int httpStatus, byte[] body)
        {
            ThrowIfNotAnswer(httpStatus, body);

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

            return root;
        }

        /// <summary>A status other than 200 with a body that is not a JSON object came from something in front of the service.</summary>
        public static void ThrowIfNotAnswer(int httpStatus, byte[] body)
        {
            if (httpStatus != 200 && !LooksLikeJsonObject(body)) throw UnexpectedStatus(httpStatus, body.Length);
        }

        /// <summary>
        /// A 200 whose body is not an envelope (cut short, wrong shape): the service may well have acted on the
        /// request, so the failure is ambiguous.
        /// </summary>
        public static VodException Malformed(int httpStatus, string message, Exception? inner = null) =>
            new VodException(new VodError("MalformedResponse", VodErrorCategory.InvalidResult, $"{message} HTTP status {httpStatus}.",
                RetryPolicy.Never, httpStatus: httpStatus, isAmbiguous: httpStatus == 200), inner);

        /// <summary>
        /// A create's task id. Accepted, but without the id we cannot follow the work: as uncertain as a lost
        /// answer, so it throws an ambiguous failure, which the generic send returns and the client reconciles.
        /// </summary>
        public static string RequireTaskId(JsonElement answer, string field, int httpStatus)
        {
            string? taskId = JsonRead.String(answer, field);
            if (!string.IsNullOrEmpty(taskId)) return taskId!;
            throw new VodException(new VodError("MalformedResponse", VodErrorCategory.InvalidResult,
                $"The service reported success without a {field}.", RetryPolicy.Never, httpStatus: httpStatus, isAmbiguous: true));
        }

        /// <summary>
        /// API errors arrive as HTTP 200 (docs/protocol.md §4.1), so any other status with a non-JSON body came from
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
