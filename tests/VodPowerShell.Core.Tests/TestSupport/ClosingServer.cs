using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace VodPowerShell.Core.Tests.TestSupport
{
    /// <summary>
    /// A raw HTTP/1.1 server on 127.0.0.1 that can end a keep-alive connection gracefully (FIN) after reading a
    /// request and before any answer byte, as a load balancer that lost its back end does. That is the case in
    /// which .NET's HTTP stack resends a request on its own; no in-memory handler can show it.
    /// </summary>
    internal sealed class ClosingServer : IDisposable
    {
        private readonly TcpListener listener = new(IPAddress.Loopback, 0);
        private readonly Func<int, string, string?> answer;
        private readonly CancellationTokenSource stop = new();
        private int count;

        /// <param name="answer">Given the request's number (1-based, across connections) and its request line followed by its body, if any, the JSON to answer, or null to close without answering.</param>
        public ClosingServer(Func<int, string, string?> answer)
        {
            this.answer = answer;
            listener.Start();
            _ = AcceptAsync();
        }

        public Uri Endpoint => new($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/v2/index.php");

        /// <summary>Every request received, in order: the request line, then a space and the body when there is one.</summary>
        public List<string> RequestLines { get; } = new();

        public void Dispose()
        {
            stop.Cancel();
            listener.Stop();
        }

        private async Task AcceptAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await listener.AcceptTcpClientAsync().ConfigureAwait(false);
                }
                catch (Exception) when (stop.IsCancellationRequested)
                {
                    return;
                }

                _ = ServeAsync(client);
            }
        }

        /// <summary>The loopback clients under test send ASCII bodies with a Content-Length, never chunked.</summary>
        private static int ContentLength(string head)
        {
            foreach (string header in head.Split(new[] { "\r\n" }, StringSplitOptions.None))
            {
                if (header.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) return int.Parse(header.Substring(15).Trim());
            }

            return 0;
        }

        private async Task ServeAsync(TcpClient client)
        {
            using (client)
            {
                var stream = client.GetStream();
                var buffer = new byte[64 * 1024];
                var pending = new StringBuilder();
                while (true)
                {
                    int read;
                    try
                    {
                        read = await stream.ReadAsync(buffer, 0, buffer.Length, stop.Token).ConfigureAwait(false);
                    }
                    catch (Exception)
                    {
                        return;
                    }

                    if (read == 0) return;
                    pending.Append(Encoding.ASCII.GetString(buffer, 0, read));
                    string text = pending.ToString();
                    int end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
                    if (end < 0) continue;
                    int length = ContentLength(text.Substring(0, end));
                    if (text.Length < end + 4 + length) continue;
                    pending.Remove(0, end + 4 + length);

                    string line = text.Substring(0, text.IndexOf("\r\n", StringComparison.Ordinal));
                    if (length > 0) line += " " + text.Substring(end + 4, length);
                    int number;
                    lock (RequestLines)
                    {
                        RequestLines.Add(line);
                        number = ++count;
                    }

                    string? json = answer(number, line);
                    if (json is null)
                    {
                        client.Client.Shutdown(SocketShutdown.Both);
                        return;
                    }

                    byte[] body = Encoding.UTF8.GetBytes(json);
                    string head = $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nDate: {DateTimeOffset.UtcNow:r}\r\nContent-Length: {body.Length}\r\n\r\n";
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(head), 0, head.Length).ConfigureAwait(false);
                    await stream.WriteAsync(body, 0, body.Length).ConfigureAwait(false);
                }
            }
        }
    }
}
