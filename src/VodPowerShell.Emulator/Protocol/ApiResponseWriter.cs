using System;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using VodPowerShell.Emulator.Domain;

namespace VodPowerShell.Emulator.Protocol
{
    /// <summary>How every front end puts an answer on the wire, including the faults that damage it on the way.</summary>
    public static class ApiResponseWriter
    {
        /// <summary>
        /// Exactly <c>application/json</c>, as the real service sends: Tencent's Python SDK raises an error answer as
        /// an exception only for that exact value (with "; charset=utf-8" it would read an error as a success).
        /// </summary>
        public const string JsonContentType = "application/json";

        private static readonly byte[] Http500Body = Encoding.UTF8.GetBytes(
            "<html><head><title>500 Internal Server Error</title></head><body><h1>500 Internal Server Error</h1><hr><center>nginx</center></body></html>");

        /// <summary>Writes <paramref name="body"/>, or drops the connection (lost) or half of it (truncated) when the fault says so.</summary>
        public static Task WriteAsync(HttpContext context, ReadOnlyMemory<byte> body, FaultKind fault)
        {
            switch (fault)
            {
                case FaultKind.Lost:
                    CloseWithoutAnswer(context);
                    return Task.CompletedTask;
                case FaultKind.Truncated:
                    return WriteTruncatedAsync(context, body);
                default:
                    return WriteJsonAsync(context, body);
            }
        }

        public static Task WriteJsonAsync(HttpContext context, ReadOnlyMemory<byte> body)
        {
            var response = context.Response;
            response.ContentType = JsonContentType;
            response.ContentLength = body.Length;
            return response.Body.WriteAsync(body, context.RequestAborted).AsTask();
        }

        /// <summary>An HTML error page, as a failing proxy in front of the service would send.</summary>
        public static Task WriteHttp500Async(HttpContext context)
        {
            var response = context.Response;
            response.StatusCode = StatusCodes.Status500InternalServerError;
            response.ContentType = "text/html";
            response.ContentLength = Http500Body.Length;
            return response.Body.WriteAsync(Http500Body, context.RequestAborted).AsTask();
        }

        /// <summary>Faults that stand in front of the service: nothing is processed, no nonce spent, no quota counted.</summary>
        public static bool IsInFrontOfService(FaultKind fault) =>
            fault is FaultKind.Http500 or FaultKind.Reset or FaultKind.Code5100 or FaultKind.Code6000 or FaultKind.Code6200;

        /// <summary>Answers a fault in front of the service: a dropped connection, an HTML 500, or the version's JSON error.</summary>
        public static Task WriteInFrontOfServiceAsync(HttpContext context, FaultKind fault, Func<ReadOnlyMemory<byte>> errorBody)
        {
            switch (fault)
            {
                case FaultKind.Reset:
                    context.Abort();
                    return Task.CompletedTask;
                case FaultKind.Http500:
                    return WriteHttp500Async(context);
                default:
                    return WriteJsonAsync(context, errorBody());
            }
        }

        /// <summary>
        /// Holds the request for the slow fault; false when the client gave up waiting first (what the fault
        /// tests, not an emulator error). Any other fault passes straight through.
        /// </summary>
        public static async Task<bool> DelayIfSlowAsync(HttpContext context, FaultKind fault, TimeSpan delay)
        {
            if (fault != FaultKind.Slow) return true;
            try
            {
                await Task.Delay(delay, context.RequestAborted).ConfigureAwait(false);
                return true;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        /// <summary>
        /// Ends the connection gracefully (FIN, not RST) before any answer byte, as a load balancer that lost its
        /// back end does. On a reused keep-alive connection an HTTP stack may then resend the same request bytes
        /// without telling its caller (.NET's SocketsHttpHandler does for a request without a body): the emulator
        /// must provoke that, since it is how a lost answer turns into a silent duplicate (docs/protocol.md).
        /// </summary>
        private static void CloseWithoutAnswer(HttpContext context)
        {
            try
            {
                context.Features.Get<IConnectionSocketFeature>()?.Socket.Shutdown(SocketShutdown.Both);
            }
            catch (SocketException)
            {
                // Already gone: the abort below is all that is left to do.
            }
            catch (ObjectDisposedException)
            {
            }

            context.Abort();
        }

        /// <summary>Announces the full length, sends half, then drops the connection, as a dying proxy would.</summary>
        private static async Task WriteTruncatedAsync(HttpContext context, ReadOnlyMemory<byte> body)
        {
            var response = context.Response;
            response.ContentType = JsonContentType;
            response.ContentLength = body.Length;
            await response.Body.WriteAsync(body[..(body.Length / 2)], context.RequestAborted).ConfigureAwait(false);
            await response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            context.Abort();
        }
    }
}
