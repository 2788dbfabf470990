using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace VodPowerShell.Core.Tests.TestSupport
{
    /// <summary>An in-memory server: records every request and answers from a queue (the last answer repeats).</summary>
    internal sealed class RecordingHandler : HttpMessageHandler
    {
        private readonly Queue<Func<HttpResponseMessage>> answers = new();
        private Func<HttpResponseMessage> last = () => Json("{\"code\":0,\"message\":\"\",\"vodTaskId\":\"CreateImageSprite-1\"}");

        public List<(HttpMethod Method, Uri Uri, string Host, string? Body, string? ContentType)> Requests { get; } = new();

        /// <summary>Per request, every header (request and content) exactly as the client wrote it, and the body bytes.</summary>
        public List<(Dictionary<string, string> Headers, byte[] Body)> Raw { get; } = new();

        public RecordingHandler Answer(Func<HttpResponseMessage> answer)
        {
            answers.Enqueue(answer);
            return this;
        }

        public RecordingHandler AnswerJson(string json, HttpStatusCode status = HttpStatusCode.OK) => Answer(() => Json(json, status));

        public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
            new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            string? body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var header in request.Headers) headers[header.Key] = string.Join(",", header.Value);
            if (request.Content != null)
            {
                foreach (var header in request.Content.Headers) headers[header.Key] = string.Join(",", header.Value);
            }

            Raw.Add((headers, request.Content is null ? Array.Empty<byte>() : await request.Content.ReadAsByteArrayAsync(cancellationToken)));
            Requests.Add((request.Method, request.RequestUri!, request.RequestUri!.Authority, body, request.Content?.Headers.ContentType?.MediaType));
            if (answers.Count > 0) last = answers.Dequeue();
            return last();
        }
    }
}
