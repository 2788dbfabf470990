using System;

namespace VodPowerShell.Core.Throttling
{
    /// <summary>
    /// How many permits per window this client allows itself, adapted to quota errors the way AWS SDKs'
    /// "adaptive" retry mode adapts its rate (botocore's CUBIC rate limiter, after RFC 8312): a throttle cuts
    /// the limit to <see cref="Beta"/> of what it was, then it grows back along a cubic curve that is flat
    /// around the level that was throttled and speeds up beyond it. Several hosts on one key thus settle
    /// around a share each instead of hammering and pausing.
    /// </summary>
    /// <remarks>
    /// We adapt the permits per window rather than a token rate because the service counts requests per
    /// window: a client that never holds more than its permits in any window is exactly as fast as allowed,
    /// and the permit gate keeps that true whatever the latency; <see cref="RequestPacer"/> spreads those
    /// permits evenly over the window, as a token rate would. Time is measured in windows, so the same
    /// constants fit v2's 100 a minute and API 3.0's 100 a second. Pure arithmetic on the times it is given.
    /// </remarks>
    public sealed class AdaptiveLimit
    {
        /// <summary>botocore's multiplicative decrease.</summary>
        public const double Beta = 0.7;

        /// <summary>botocore's scale constant, in permits per window cubed.</summary>
        public const double ScaleConstant = 0.4;

        private readonly object sync = new object();

        /// <summary>When the answers of the last window came in without a quota error: the rate the service gave this client.</summary>
        private readonly System.Collections.Generic.Queue<DateTime> accepted = new System.Collections.Generic.Queue<DateTime>();
        private double limit;
        private double limitBeforeThrottle;
        private double windowsToRegain;
        private DateTime lastThrottle = DateTime.MinValue;
        private bool adapting;

        public AdaptiveLimit(int maximum, TimeSpan window)
        {
            if (maximum <= 0) throw new ArgumentOutOfRangeException(nameof(maximum));
            if (window <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(window));
            Maximum = maximum;
            Window = window;
            limit = maximum;
        }

        /// <summary>The configured quota: the limit never grows beyond it.</summary>
        public int Maximum { get; }

        public TimeSpan Window { get; }

        /// <summary>True from a quota error until the limit has grown back to <see cref="Maximum"/>.</summary>
        public bool IsAdapting
        {
            get
            {
                lock (sync) return adapting;
            }
        }

        /// <summary>Permits allowed in any window right now; at least one, so a client always makes progress.</summary>
        public int Permits
        {
            get
            {
                lock (sync) return PermitsOf(limit);
            }
        }

        /// <summary>
        /// A request was answered "over quota". Cuts the limit, at most once per window: the answers of one
        /// overload arrive together, and the cut needs a window to show at the service.
        /// </summary>
        /// <returns>True when <see cref="Permits"/> changed.</returns>
        public bool OnThrottled(DateTime now)
        {
            lock (sync)
            {
                if (adapting && now - lastThrottle < Window) return false;
                int before = PermitsOf(limit);

                // The cut starts from what the service actually accepted in the last window (botocore's measured
                // rate), not from a limit others left no room for: a client allowed 20 but served 7 drops to about
                // 5 in one step instead of three, and grows back towards the 7 it was served. Nothing accepted
                // in the window says nothing about the share: then the limit itself is cut.
                Forget(now);
                limitBeforeThrottle = accepted.Count == 0 ? limit : Math.Min(limit, accepted.Count);
                limit = Math.Max(1, limitBeforeThrottle * Beta);
                windowsToRegain = Math.Pow(limitBeforeThrottle * (1 - Beta) / ScaleConstant, 1.0 / 3);
                lastThrottle = now;
                adapting = true;
                return PermitsOf(limit) != before;
            }
        }

        /// <summary>A request was answered without a quota error: the limit follows the cubic curve back up.</summary>
        /// <returns>True when <see cref="Permits"/> changed.</returns>
        public bool OnAccepted(DateTime now)
        {
            lock (sync)
            {
                accepted.Enqueue(now);
                Forget(now);
                if (!adapting) return false;
                int before = PermitsOf(limit);
                double windows = (now - lastThrottle).TotalMilliseconds / Window.TotalMilliseconds;
                double cubic = ScaleConstant * Math.Pow(windows - windowsToRegain, 3) + limitBeforeThrottle;
                limit = Math.Min(Maximum, Math.Max(1, cubic));
                if (limit >= Maximum) adapting = false;
                return PermitsOf(limit) != before;
            }
        }

        private void Forget(DateTime now)
        {
            while (accepted.Count > 0 && now - accepted.Peek() >= Window) accepted.Dequeue();
        }

        private static int PermitsOf(double value) => Math.Max(1, (int)Math.Floor(value));
    }
}
