using System;
using System.Threading;
using System.Threading.Tasks;

namespace VodPowerShell.Core.Client
{
    /// <summary>
    /// When and how long to wait before trying a request again. Names follow Invoke-RestMethod's
    /// -MaximumRetryCount and -RetryIntervalSec.
    /// </summary>
    public sealed class RetryOptions
    {
        public const int DefaultMaximumRetryCount = 3;

        public static readonly TimeSpan DefaultRetryInterval = TimeSpan.FromSeconds(1);

        public int MaximumRetryCount { get; set; } = DefaultMaximumRetryCount;

        /// <summary>The first wait; each further wait doubles, with up to 50% random jitter.</summary>
        public TimeSpan RetryInterval { get; set; } = DefaultRetryInterval;

        public TimeSpan MaximumInterval { get; set; } = TimeSpan.FromSeconds(60);

        /// <summary>
        /// The shortest wait after a quota rejection, whatever RetryInterval says: the budget refills over
        /// seconds, so trying again at once only burns more of it.
        /// </summary>
        public TimeSpan MinimumQuotaWait { get; set; } = TimeSpan.FromSeconds(1);

        /// <summary>How the wait is spent; tests replace it to run without sleeping.</summary>
        public Func<TimeSpan, CancellationToken, Task> Delay { get; set; } = (wait, token) => Task.Delay(wait, token);

        private static readonly ThreadLocal<Random> Jitter = new ThreadLocal<Random>(() => new Random(Guid.NewGuid().GetHashCode()));

        /// <summary>The wait before retry number <paramref name="retry"/> (1-based).</summary>
        public TimeSpan BackoffFor(int retry)
        {
            double baseMs = RetryInterval.TotalMilliseconds * Math.Pow(2, Math.Min(retry - 1, 16));
            double withJitter = baseMs * (1 + (Jitter.Value!.NextDouble() * 0.5));
            return TimeSpan.FromMilliseconds(Math.Min(withJitter, MaximumInterval.TotalMilliseconds));
        }
    }
}
