using System;
using System.Collections.Concurrent;
using System.Collections.Generic;

namespace VodPowerShell.Emulator.Domain
{
    /// <summary>
    /// One request to an API path, as received. <see cref="Api"/> is <c>v2</c> or <c>v3</c>. <see cref="Code"/> is the
    /// v2 code, or 0 for a successful API 3.0 answer; an API 3.0 error is in <see cref="ErrorCode"/> instead. Both are
    /// null when no API answer was produced (an HTTP 500 or a reset); <see cref="Fault"/> names the injected fault, if any.
    /// </summary>
    public sealed record LedgerEntry(
        long Sequence,
        DateTimeOffset Time,
        string Api,
        string Method,
        string? Action,
        string? SecretId,
        string? FileId,
        int? Code,
        string? ErrorCode,
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

        public void Record(DateTimeOffset time, string api, string method, string? action, string? secretId, string? fileId, int? code, string? errorCode, FaultKind fault, string? vodTaskId)
        {
            long number = System.Threading.Interlocked.Increment(ref sequence);
            entries.Enqueue(new LedgerEntry(number, time, api, method, action, secretId, fileId, code, errorCode, fault == FaultKind.None ? null : FaultInjector.NameOf(fault), vodTaskId));
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
