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

        /// <summary>A quota error's backoff grows no further than that of the sixth one.</summary>
        private const int QuotaBackoffSteps = 6;

        private static readonly ThreadLocal<Random> ThreadRandom = new ThreadLocal<Random>(() => new Random(Guid.NewGuid().GetHashCode()));

        /// <summary>A number in [0, 1) for each wait's jitter; tests replace it to make the waits repeatable.</summary>
        public Func<double> Jitter { get; set; } = () => ThreadRandom.Value!.NextDouble();

        /// <summary>The wait before retry number <paramref name="retry"/> (1-based).</summary>
        public TimeSpan BackoffFor(int retry)
        {
            double baseMs = RetryInterval.TotalMilliseconds * Math.Pow(2, Math.Min(retry - 1, 16));
            double withJitter = baseMs * (1 + (Jitter() * 0.5));
            return TimeSpan.FromMilliseconds(Math.Min(withJitter, MaximumInterval.TotalMilliseconds));
        }

        /// <summary>
        /// The wait after a request's quota error number <paramref name="quotaRetry"/> (1-based): the backoff, growing
        /// for the first <see cref="QuotaBackoffSteps"/>, and never under <see cref="MinimumQuotaWait"/>.
        /// </summary>
        public TimeSpan QuotaWaitFor(int quotaRetry)
        {
            TimeSpan wait = BackoffFor(Math.Min(quotaRetry, QuotaBackoffSteps));
            return wait < MinimumQuotaWait ? MinimumQuotaWait : wait;
        }
    }
}
