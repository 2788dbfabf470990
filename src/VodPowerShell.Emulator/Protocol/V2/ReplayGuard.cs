using System;
using System.Collections.Concurrent;
using System.Threading;

namespace VodPowerShell.Emulator.Protocol.V2
{
    /// <summary>
    /// Remembers each (SecretId, Nonce) until its Timestamp leaves the allowed window; after that the Timestamp
    /// check alone rejects a replay, so the memory stays bounded by the request rate.
    /// </summary>
    public sealed class ReplayGuard
    {
        private readonly ConcurrentDictionary<(string SecretId, string Nonce), long> seen = new();
        private readonly long windowSeconds;
        private long nextPurge;

        public ReplayGuard(TimeSpan window) => windowSeconds = (long)window.TotalSeconds;

        public bool IsTimestampInWindow(long timestamp, long nowSeconds) => Math.Abs(nowSeconds - timestamp) <= windowSeconds;

        /// <summary>False when this nonce was already used by this SecretId within the window.</summary>
        public bool TryRecord(string secretId, string nonce, long timestamp, long nowSeconds)
        {
            PurgeOccasionally(nowSeconds);
            return seen.TryAdd((secretId, nonce), timestamp + windowSeconds);
        }

        public void Clear() => seen.Clear();

        private void PurgeOccasionally(long nowSeconds)
        {
            long due = Interlocked.Read(ref nextPurge);
            if (nowSeconds < due || Interlocked.CompareExchange(ref nextPurge, nowSeconds + 10, due) != due) return;
            foreach (var entry in seen)
            {
                if (entry.Value < nowSeconds) seen.TryRemove(entry.Key, out _);
            }
        }
    }
}
