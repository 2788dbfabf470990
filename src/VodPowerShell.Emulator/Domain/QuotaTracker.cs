using System;
using System.Collections.Concurrent;

namespace VodPowerShell.Emulator.Domain
{
    /// <summary>
    /// Requests per SecretId in fixed windows that start at a SecretId's first request. Tencent gives the
    /// rate (100/min, docs/protocol.md §8) but not the algorithm; a fixed window is the simplest that a test can reason about.
    /// Sliding (<c>--quota-sliding</c>): no interval of the window's length holds more than the rate, the
    /// strictest reading, for tests of several clients on one key.
    /// </summary>
    public sealed class QuotaTracker
    {
        private readonly ConcurrentDictionary<string, Window> windows = new(StringComparer.Ordinal);
        private readonly int rate;
        private readonly TimeSpan length;
        private readonly bool sliding;

        /// <param name="rate">Requests allowed per window; 0 turns the quota off.</param>
        public QuotaTracker(int rate, TimeSpan length, bool sliding = false)
        {
            this.rate = rate;
            this.length = length;
            this.sliding = sliding;
        }

        /// <summary>Counts one request; false when it is over the quota.</summary>
        public bool TryConsume(string secretId, DateTimeOffset now)
        {
            if (rate <= 0) return true;
            var window = windows.GetOrAdd(secretId, static _ => new Window());
            lock (window)
            {
                if (sliding) return window.TryAcceptSliding(now, length, rate);
                if (window.Count == 0 || now - window.Start >= length)
                {
                    window.Start = now;
                    window.Count = 0;
                }

                return ++window.Count <= rate;
            }
        }

        public void Clear() => windows.Clear();

        private sealed class Window
        {
            public DateTimeOffset Start;
            public int Count;
            /// <summary>Sorted: concurrent requests can reach the lock in another order than they read the clock.</summary>
            private readonly System.Collections.Generic.List<DateTimeOffset> accepted = new();

            /// <summary>Accepts when fewer than <paramref name="rate"/> requests were accepted in (now - length, now].</summary>
            public bool TryAcceptSliding(DateTimeOffset now, TimeSpan length, int rate)
            {
                int expired = 0;
                while (expired < accepted.Count && now - accepted[expired] >= length) expired++;
                accepted.RemoveRange(0, expired);
                if (accepted.Count >= rate) return false;
                int at = accepted.Count;
                while (at > 0 && accepted[at - 1] > now) at--;
                accepted.Insert(at, now);
                return true;
            }
        }
    }
}
