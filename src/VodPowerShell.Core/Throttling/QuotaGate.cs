using System;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;

namespace VodPowerShell.Core.Throttling
{
    /// <summary>
    /// Keeps requests for one key within a quota of <c>PermitLimit</c> per <c>Window</c>, so a normal run sees no
    /// 4400 at all. A sliding window hands a permit back one segment before a full window has passed, so the
    /// limiter's window is stretched by one segment (plus a margin for network jitter): then no interval of the
    /// service's window length ever holds more than the quota, whether the service counts fixed or sliding windows.
    /// </summary>
    public sealed class QuotaGate : IDisposable
    {
        private const int Segments = 100;
        private static readonly TimeSpan JitterMargin = TimeSpan.FromMilliseconds(250);

        private readonly SlidingWindowRateLimiter limiter;
        private long pausedUntilTicks;

        public QuotaGate(int permitLimit, TimeSpan window)
        {
            if (permitLimit <= 0) throw new ArgumentOutOfRangeException(nameof(permitLimit));
            PermitLimit = permitLimit;
            Window = window;
            TimeSpan stretched = TimeSpan.FromTicks(window.Ticks * Segments / (Segments - 1)) + JitterMargin;
            limiter = new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
            {
                PermitLimit = permitLimit,
                Window = stretched,
                SegmentsPerWindow = Segments,
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            });
        }

        public int PermitLimit { get; }

        public TimeSpan Window { get; }

        /// <summary>Waits for a permit. Each request, retries included, takes one.</summary>
        public async Task WaitAsync(CancellationToken cancellationToken)
        {
            TimeSpan pause = PausedFor();
            if (pause > TimeSpan.Zero) await Task.Delay(pause, cancellationToken).ConfigureAwait(false);

            using RateLimitLease lease = await limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
            if (!lease.IsAcquired) throw new InvalidOperationException("The quota gate refused a permit it should have queued.");
        }

        /// <summary>
        /// The service said 4400 anyway (another machine shares the key): hold every caller of this gate back
        /// for a while, so the shared budget recovers instead of being hammered.
        /// </summary>
        public void Pause(TimeSpan duration)
        {
            long until = DateTime.UtcNow.Add(duration).Ticks;
            long current;
            do
            {
                current = Interlocked.Read(ref pausedUntilTicks);
                if (current >= until) return;
            }
            while (Interlocked.CompareExchange(ref pausedUntilTicks, until, current) != current);
        }

        private TimeSpan PausedFor()
        {
            long until = Interlocked.Read(ref pausedUntilTicks);
            long now = DateTime.UtcNow.Ticks;
            return until > now ? TimeSpan.FromTicks(until - now) : TimeSpan.Zero;
        }

        public void Dispose() => limiter.Dispose();
    }
}
