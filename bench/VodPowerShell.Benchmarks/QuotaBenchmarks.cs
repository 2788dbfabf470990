using System;
using System.IO;
using System.Threading;
using BenchmarkDotNet.Attributes;
using VodPowerShell.Core.Throttling;

namespace VodPowerShell.Benchmarks
{
    /// <summary>
    /// What sharing the quota costs per request: take a permit and hand it back, each a lock, read and rewrite
    /// of the state file, against the same with the count kept in memory. A limit no run reaches, so nothing waits.
    /// </summary>
    [MemoryDiagnoser]
    public class QuotaBenchmarks : IDisposable
    {
        private readonly string folder = Path.Combine(Path.GetTempPath(), "vodps-bench-quota-" + Guid.NewGuid().ToString("N"), "quota");
        private QuotaGate shared = null!;
        private QuotaGate local = null!;

        [GlobalSetup]
        public void Setup()
        {
            // A 3 ms window at some 30 µs per permit keeps about 100 returned leases in the file, as v3's 100/s would.
            shared = QuotaGate.Shared(1_000_000, TimeSpan.FromMilliseconds(3), folder, "bench:1", "AKIDBench");
            if (!shared.IsShared) throw new InvalidOperationException("the shared quota state could not be opened");
            local = new QuotaGate(1_000_000, TimeSpan.FromMilliseconds(3));
        }

        [Benchmark]
        public void SharedQuotaPermit() => shared.WaitAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult().Dispose();

        [Benchmark]
        public void LocalQuotaPermit() => local.WaitAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult().Dispose();

        [GlobalCleanup]
        public void Dispose()
        {
            shared?.Dispose();
            local?.Dispose();
            string root = Path.GetDirectoryName(folder)!;
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }
}
