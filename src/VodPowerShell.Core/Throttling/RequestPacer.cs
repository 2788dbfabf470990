using System;

namespace VodPowerShell.Core.Throttling
{
    /// <summary>
    /// Caps how fast requests leave: a token bucket that holds one token and fills at the rate it is given (AWS
    /// SDKs' adaptive mode sends at a token rate too). <see cref="QuotaGate"/> gives every client of a key the
    /// same rate, one and a half times the quota's own, so clients that start a burst together have the same
    /// number of requests accepted when the service's window fills, which is what <see cref="AdaptiveLimit"/>
    /// cuts each of them to; at API 3.0's one-second window, each client its own limit's rate
    /// (<see cref="AdaptiveLimit.IsSteady"/>). Pure arithmetic on the times it is given.
    /// </summary>
    public sealed class RequestPacer
    {
        private readonly object sync = new object();
        private DateTime nextAt = DateTime.MinValue;

        public RequestPacer(TimeSpan window)
        {
            if (window <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(window));
            Window = window;
        }

        public TimeSpan Window { get; }

        /// <summary>True when a request may leave at <paramref name="now"/>; otherwise <paramref name="dueAt"/> says when.</summary>
        public bool IsDue(DateTime now, out DateTime dueAt)
        {
            lock (sync)
            {
                dueAt = nextAt;
                return now >= nextAt;
            }
        }

        /// <summary>
        /// A request left at <paramref name="now"/>: the next one is due one interval of <paramref name="perWindow"/>
        /// requests per window after this one was due. Counting from when it was due, not from when a late timer
        /// let it leave, keeps a busy client on its grid instead of losing the timer's delay at every request;
        /// a client later than one interval (idle, or held by its permits) or sent unpaced starts a new grid, so it
        /// gains no burst.
        /// </summary>
        public void Sent(DateTime now, double perWindow)
        {
            lock (sync)
            {
                TimeSpan interval = Interval(perWindow);
                DateTime from = now >= nextAt && now - nextAt < interval ? nextAt : now;
                nextAt = from + interval;
            }
        }

        private TimeSpan Interval(double perWindow) => TimeSpan.FromTicks((long)(Window.Ticks / Math.Max(1, perWindow)));
    }
}
