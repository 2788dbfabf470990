using System;
using System.Collections.Concurrent;
using System.Collections.Generic;

namespace VodPowerShell.Emulator.Domain
{
    /// <summary>
    /// One request to the API path, as received. <see cref="Code"/> is null when no API answer was produced
    /// (an HTTP 500 or a reset); <see cref="Fault"/> names the injected fault, if any.
    /// </summary>
    public sealed record LedgerEntry(
        long Sequence,
        DateTimeOffset Time,
        string Method,
        string? Action,
        string? SecretId,
        string? FileId,
        int? Code,
        string? Fault,
        string? VodTaskId);

    /// <summary>Every API request, for tests to assert on. Bounded: the oldest entries go first.</summary>
    public sealed class Ledger
    {
        private readonly ConcurrentQueue<LedgerEntry> entries = new();
        private readonly int capacity;
        private long sequence;
        private int count;

        public Ledger(int capacity) => this.capacity = capacity;

        public void Record(DateTimeOffset time, string method, string? action, string? secretId, string? fileId, int? code, FaultKind fault, string? vodTaskId)
        {
            long number = System.Threading.Interlocked.Increment(ref sequence);
            entries.Enqueue(new LedgerEntry(number, time, method, action, secretId, fileId, code, fault == FaultKind.None ? null : FaultInjector.NameOf(fault), vodTaskId));
            if (System.Threading.Interlocked.Increment(ref count) > capacity && entries.TryDequeue(out _))
            {
                System.Threading.Interlocked.Decrement(ref count);
            }
        }

        public IReadOnlyList<LedgerEntry> Snapshot() => entries.ToArray();

        public void Clear()
        {
            entries.Clear();
            System.Threading.Interlocked.Exchange(ref count, 0);
        }
    }
}
