using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using VodPowerShell.Emulator.Domain;

namespace VodPowerShell.Emulator.Protocol
{
    /// <summary>
    /// Push mode (docs/protocol.md §9.4): POSTs each event to the callback URL, in the v2 "4.0" format or, for accounts
    /// on the newer format, the 3.0 one (<c>--callback-format</c>). The real service ignores the
    /// answer and tries 3 times; the emulator retries until a 2xx, with bounded attempts and doubling back-off,
    /// so a test receiver can exercise both failure and recovery.
    /// </summary>
    public sealed class CallbackPusher : IAsyncDisposable
    {
        /// <summary>Per attempt, as Tencent gives for the real service (docs/protocol.md §9.4).</summary>
        private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(5);

        private readonly Channel<ImageSpriteCompletedEvent> queue = Channel.CreateUnbounded<ImageSpriteCompletedEvent>(new UnboundedChannelOptions { SingleReader = true });
        private readonly HttpClient http = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false }) { Timeout = AttemptTimeout };
        private readonly CancellationTokenSource stopping = new();
        private readonly Uri callbackUrl;
        private readonly Func<ImageSpriteCompletedEvent, ReadOnlyMemory<byte>> serialize;
        private readonly int attempts;
        private readonly TimeSpan backoff;
        private readonly Task worker;
        private long delivered;
        private long abandoned;

        public CallbackPusher(Uri callbackUrl, Func<ImageSpriteCompletedEvent, ReadOnlyMemory<byte>> serialize, int attempts, TimeSpan backoff)
        {
            this.callbackUrl = callbackUrl;
            this.serialize = serialize;
            this.attempts = attempts;
            this.backoff = backoff;
            worker = Task.Run(DeliverAllAsync);
        }

        public long Delivered => Interlocked.Read(ref delivered);

        /// <summary>Events whose every attempt failed.</summary>
        public long Abandoned => Interlocked.Read(ref abandoned);

        public void Enqueue(ImageSpriteCompletedEvent evt) => queue.Writer.TryWrite(evt);

        private async Task DeliverAllAsync()
        {
            try
            {
                await foreach (var evt in queue.Reader.ReadAllAsync(stopping.Token).ConfigureAwait(false))
                {
                    bool ok = await DeliverAsync(evt).ConfigureAwait(false);
                    Interlocked.Increment(ref ok ? ref delivered : ref abandoned);
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
            }
        }

        private async Task<bool> DeliverAsync(ImageSpriteCompletedEvent evt)
        {
            var body = serialize(evt);
            var delay = backoff;
            for (int attempt = 1; attempt <= attempts; attempt++)
            {
                try
                {
                    using var content = new ReadOnlyMemoryContent(body);
                    content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                    using var response = await http.PostAsync(callbackUrl, content, stopping.Token).ConfigureAwait(false);
                    if (response.IsSuccessStatusCode) return true;
                }
                catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !stopping.IsCancellationRequested))
                {
                    // Receiver down or slow: the next attempt decides.
                }

                if (attempt < attempts)
                {
                    await Task.Delay(delay, stopping.Token).ConfigureAwait(false);
                    delay += delay;
                }
            }

            return false;
        }

        public async ValueTask DisposeAsync()
        {
            queue.Writer.TryComplete();
            await stopping.CancelAsync().ConfigureAwait(false);
            try
            {
                await worker.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }

            http.Dispose();
            stopping.Dispose();
        }
    }
}
