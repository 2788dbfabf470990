using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;

namespace VodPowerShell.Emulator.Downloads
{
    /// <summary>
    /// One GET under <c>/_media/</c>: what was asked (path, Range), how it was answered (status, body bytes the answer
    /// announced) and the injected fault, if any. Downloads are not API requests, so they stay out of the ledger.
    /// </summary>
    public sealed record DownloadEntry(long Sequence, DateTimeOffset Time, string Path, string? Range, bool Conditional, int Status, long Bytes, string? Fault);

    /// <summary>Every download, for tests that check a resumed run fetches nothing twice. Bounded: the oldest go first.</summary>
    public sealed class DownloadLog
    {
        private readonly ConcurrentQueue<DownloadEntry> entries = new();
        private readonly int capacity;
        private long sequence;

        public DownloadLog(int capacity) => this.capacity = capacity;

        public void Record(DateTimeOffset time, string path, string? range, bool conditional, int status, long bytes, string? fault)
        {
            entries.Enqueue(new DownloadEntry(Interlocked.Increment(ref sequence), time, path, range, conditional, status, bytes, fault));
            while (entries.Count > capacity && entries.TryDequeue(out _))
            {
            }
        }

        public IReadOnlyList<DownloadEntry> Snapshot() => entries.ToArray();

        public void Clear() => entries.Clear();
    }
}
