using System;
using System.Collections.Concurrent;

namespace VodPowerShell.Emulator.Domain
{
    /// <summary>
    /// Requests per SecretId in fixed windows that start at a SecretId's first request. Tencent gives the
    /// rate (100/min, docs/protocol.md §8) but not the algorithm; a fixed window is the simplest that a test can reason about.
    /// </summary>
    public sealed class QuotaTracker
    {
        private readonly ConcurrentDictionary<string, Window> windows = new(StringComparer.Ordinal);
        private readonly int rate;
        private readonly TimeSpan length;

        /// <param name="rate">Requests allowed per window; 0 turns the quota off.</param>
        public QuotaTracker(int rate, TimeSpan length)
        {
            this.rate = rate;
            this.length = length;
        }

        /// <summary>Counts one request; false when it is over the quota.</summary>
        public bool TryConsume(string secretId, DateTimeOffset now)
        {
            if (rate <= 0) return true;
            var window = windows.GetOrAdd(secretId, static _ => new Window());
            lock (window)
            {
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
        }
    }
}
