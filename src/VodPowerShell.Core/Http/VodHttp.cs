using System;
using System.Buffers;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using VodPowerShell.Core.Errors;

namespace VodPowerShell.Core.Http
{
    /// <summary>
    /// The process-wide HTTP client: one pooled keep-alive handler for every call, no redirects, no cookies,
    /// and a cap on what a response may make us buffer.
    /// </summary>
    public static class VodHttp
    {
        public const int MaxResponseBytes = 4 * 1024 * 1024;

        /// <summary>
        /// Connections per server, and so the most requests a cmdlet may keep in flight (-ThrottleLimit): with fewer
        /// connections than requests, the rest would queue inside the handler while their timeout runs.
        /// </summary>
        public const int MaxConnectionsPerServer = 256;

        private static readonly Lazy<HttpClient> SharedClient = new Lazy<HttpClient>(CreateClient);

        public static HttpClient Shared => SharedClient.Value;

        public static HttpClient CreateClient()
        {
            var handler = new HttpClientHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
                MaxConnectionsPerServer = MaxConnectionsPerServer,
            };

            // Timeouts are per request (see SendAsync), so a user cancel and a timeout can be told apart.
            return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        }

        /// <summary>
        /// Sends <paramref name="request"/> and reads the whole body, mapping every network failure to a
        /// <see cref="VodException"/>. A user cancel still surfaces as <see cref="OperationCanceledException"/>.
        /// </summary>
        /// <remarks>
        /// A class answer and one reading method, not a value tuple and two: the runtime compiles the async
        /// machinery over each value-type result and each state machine on first use, in the first call's time
        /// (README, Performance).
        /// </remarks>
        public static async Task<HttpAnswer> SendAsync(HttpClient client, HttpRequestMessage request, TimeSpan timeout, CancellationToken cancellationToken)
        {
            using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeoutSource.CancelAfter(timeout);
            try
            {
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeoutSource.Token).ConfigureAwait(false);
                byte[] body = await ReadBodyAsync(response, timeoutSource.Token).ConfigureAwait(false);
                return new HttpAnswer((int)response.StatusCode, body, response.Headers.Date);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new VodException(new VodError("RequestTimeout", VodErrorCategory.OperationTimeout,
                    $"No complete answer from {request.RequestUri?.GetLeftPart(UriPartial.Authority)} within {timeout.TotalSeconds:0.#} s.", RetryPolicy.Bounded, isAmbiguous: true));
            }
            catch (Exception ex) when (ex is HttpRequestException || ex is IOException)
            {
                Exception cause = Innermost(ex);
                throw new VodException(new VodError("ConnectionFailed", VodErrorCategory.ConnectionError,
                    $"Could not reach {request.RequestUri?.GetLeftPart(UriPartial.Authority)}: {cause.Message}", RetryPolicy.Bounded, isAmbiguous: !NeverSent(cause)), ex);
            }
        }

        private static async Task<byte[]> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
        {
            long? declared = response.Content.Headers.ContentLength;
            if (declared > MaxResponseBytes) throw TooLarge((int)response.StatusCode);

            using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            if (declared is long length)
            {
                // The usual answer says how long it is: read it straight into an array of that size (a short read is
                // the connection lost mid-body), instead of a 16 KB chunk, a MemoryStream and a copy per request.
                byte[] body = length == 0 ? Array.Empty<byte>() : new byte[length];
                int total = 0;
                while (total < length)
                {
                    int read = await stream.ReadAsync(body, total, (int)length - total, cancellationToken).ConfigureAwait(false);
                    if (read == 0) throw new IOException($"The connection closed after {total} of {length} bytes of the response.");
                    total += read;
                }

                return body;
            }

            // No Content-Length (chunked): read up to the cap through a pooled chunk.
            using var buffer = new MemoryStream();
            byte[] chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
            try
            {
                int read;
                while ((read = await stream.ReadAsync(chunk, 0, chunk.Length, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    if (buffer.Length + read > MaxResponseBytes) throw TooLarge((int)response.StatusCode);
                    buffer.Write(chunk, 0, read);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }

            return buffer.ToArray();
        }

        /// <summary>An unread 200 may still mean the service acted, so it is as uncertain as a lost answer.</summary>
        private static VodException TooLarge(int status) =>
            new VodException(new VodError("ResponseTooLarge", VodErrorCategory.InvalidResult,
                $"The response is larger than {MaxResponseBytes / (1024 * 1024)} MB; it was not read. HTTP status {status}.", RetryPolicy.Never, httpStatus: status,
                isAmbiguous: status == 200));

        /// <summary>Failures that happen before a byte of the request leaves: the service cannot have acted.</summary>
        private static bool NeverSent(Exception cause) =>
            cause is SocketException socket && (socket.SocketErrorCode == SocketError.ConnectionRefused ||
                socket.SocketErrorCode == SocketError.HostNotFound || socket.SocketErrorCode == SocketError.HostUnreachable ||
                socket.SocketErrorCode == SocketError.NetworkUnreachable || socket.SocketErrorCode == SocketError.TryAgain);

        private static Exception Innermost(Exception ex)
        {
            while (ex.InnerException != null) ex = ex.InnerException;
            return ex;
        }
    }
}
