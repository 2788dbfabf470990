using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace VodPowerShell.Core.Tests.TestSupport
{
    /// <summary>
    /// A tiny HTTP/1.1 server on 127.0.0.1 for download tests: one request per connection, and replies that can
    /// lie about their length, break the connection mid-body, stall, or redirect. Records every request.
    /// </summary>
    internal sealed class LoopbackFileServer : IDisposable
    {
        private readonly TcpListener listener = new TcpListener(IPAddress.Loopback, 0);
        private readonly Func<ServerRequest, ServerReply> handler;
        private readonly CancellationTokenSource stopping = new CancellationTokenSource();
        private int inFlight;

        public LoopbackFileServer(Func<ServerRequest, ServerReply> handler)
        {
            this.handler = handler;
            listener.Start();
            BaseUri = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");
            _ = AcceptLoopAsync();
        }

        public Uri BaseUri { get; }

        public ConcurrentQueue<ServerRequest> Requests { get; } = new ConcurrentQueue<ServerRequest>();

        /// <summary>The most requests that were being answered at the same moment.</summary>
        public int MaxInFlight;

        /// <summary>Released by a test to let stalled replies go on.</summary>
        public ManualResetEventSlim Release { get; } = new ManualResetEventSlim(false);

        public string Url(string path) => new Uri(BaseUri, path).AbsoluteUri;

        public int CountFor(string path) => Requests.Count(r => r.Path == "/" + path.TrimStart('/'));

        public void Dispose()
        {
            stopping.Cancel();
            Release.Set();
            listener.Stop();
        }

        private async Task AcceptLoopAsync()
        {
            while (!stopping.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await listener.AcceptTcpClientAsync().ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is ObjectDisposedException || ex is SocketException || ex is InvalidOperationException)
                {
                    return;
                }

                _ = Task.Run(() => Serve(client));
            }
        }

        private void Serve(TcpClient client)
        {
            int now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref MaxInFlight, now);
            try
            {
                using (client)
                {
                    NetworkStream stream = client.GetStream();
                    ServerRequest? request = ReadRequest(stream);
                    if (request is null) return;
                    Requests.Enqueue(request);
                    ServerReply reply = handler(request);
                    Write(client, stream, reply);
                }
            }
            catch (Exception ex) when (ex is IOException || ex is SocketException || ex is ObjectDisposedException)
            {
                // The client went away (a test cancelled): nothing to answer.
            }
            finally
            {
                Interlocked.Decrement(ref inFlight);
            }
        }

        private void Write(TcpClient client, NetworkStream stream, ServerReply reply)
        {
            var head = new StringBuilder();
            head.Append("HTTP/1.1 ").Append(reply.Status.ToString(CultureInfo.InvariantCulture)).Append(" Test\r\n");
            long? length = reply.ContentLength ?? (reply.OmitContentLength ? (long?)null : reply.Body.Length);
            if (length != null) head.Append("Content-Length: ").Append(length.Value.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
            foreach (var header in reply.Headers) head.Append(header.Key).Append(": ").Append(header.Value).Append("\r\n");
            head.Append("Connection: close\r\n\r\n");
            byte[] headBytes = Encoding.ASCII.GetBytes(head.ToString());
            stream.Write(headBytes, 0, headBytes.Length);

            int limit = reply.ResetAfter ?? reply.Body.Length;
            const int Chunk = 8 * 1024;
            for (int offset = 0; offset < limit; offset += Chunk)
            {
                stream.Write(reply.Body, offset, Math.Min(Chunk, limit - offset));
                stream.Flush();
            }

            if (reply.StallAfterBody) Release.Wait(stopping.Token);
            if (reply.ResetAfter != null)
            {
                // Linger 0 makes Close send RST: the client sees the connection reset mid-body.
                client.Client.LingerState = new LingerOption(true, 0);
                client.Client.Close();
            }
        }

        private static ServerRequest? ReadRequest(NetworkStream stream)
        {
            var bytes = new List<byte>();
            while (bytes.Count < 4 || !(bytes[bytes.Count - 4] == '\r' && bytes[bytes.Count - 3] == '\n' && bytes[bytes.Count - 2] == '\r' && bytes[bytes.Count - 1] == '\n'))
            {
                int next = stream.ReadByte();
                if (next < 0) return null;
                bytes.Add((byte)next);
            }

            string[] lines = Encoding.ASCII.GetString(bytes.ToArray()).Split(new[] { "\r\n" }, StringSplitOptions.RemoveEmptyEntries);
            string[] first = lines[0].Split(' ');
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (string line in lines.Skip(1))
            {
                int colon = line.IndexOf(':');
                if (colon > 0) headers[line.Substring(0, colon).Trim()] = line.Substring(colon + 1).Trim();
            }

            string target = first[1];
            int query = target.IndexOf('?');
            return new ServerRequest(first[0], query < 0 ? target : target.Substring(0, query), headers);
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int seen;
            while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
            {
            }
        }
    }

    internal sealed class ServerRequest
    {
        public ServerRequest(string method, string path, IReadOnlyDictionary<string, string> headers)
        {
            Method = method;
            Path = path;
            Headers = headers;
        }

        public string Method { get; }

        public string Path { get; }

        public IReadOnlyDictionary<string, string> Headers { get; }
    }

    internal sealed class ServerReply
    {
        public int Status { get; set; } = 200;

        public byte[] Body { get; set; } = Array.Empty<byte>();

        public Dictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Declares a length other than the body's (a server that lies).</summary>
        public long? ContentLength { get; set; }

        /// <summary>No Content-Length: the body ends when the connection closes.</summary>
        public bool OmitContentLength { get; set; }

        /// <summary>Sends this many body bytes, then resets the connection.</summary>
        public int? ResetAfter { get; set; }

        /// <summary>Holds the connection open after the body until <see cref="LoopbackFileServer.Release"/> is set.</summary>
        public bool StallAfterBody { get; set; }

        public static ServerReply File(byte[] body, string? etag = null) =>
            new ServerReply { Body = body }.With("ETag", etag);

        public static ServerReply Redirect(string location, int status = 302) =>
            new ServerReply { Status = status }.With("Location", location);

        public static ServerReply Error(int status) => new ServerReply { Status = status, Body = Encoding.ASCII.GetBytes("error") };

        public ServerReply With(string name, string? value)
        {
            if (value != null) Headers[name] = value;
            return this;
        }
    }
}
