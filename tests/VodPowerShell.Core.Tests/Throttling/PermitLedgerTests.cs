using System;
using System.IO;
using VodPowerShell.Core.Throttling;
using Xunit;

namespace VodPowerShell.Core.Tests.Throttling
{
    /// <summary>The bookkeeping under every quota gate: permits out, their return times, and the shared file's form.</summary>
    public class PermitLedgerTests
    {
        private static readonly DateTime Start = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);
        private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

        [Fact]
        public void HoldsMoreLeasesThanItFirstHasRoomForAndRefusesPastTheLimit()
        {
            var ledger = new PermitLedger();
            for (int i = 1; i <= 40; i++) Assert.True(ledger.TryTake(40, new Lease(i, 7, 70, 0), Start, Window, out _));

            Assert.Equal(40, ledger.Count);
            Assert.False(ledger.TryTake(40, new Lease(41, 7, 70, 0), Start, Window, out DateTime retryAt));
            Assert.Equal(Start + Window, retryAt);   // all in flight: a window from now at the earliest
        }

        [Fact]
        public void AnsweredPermitsComeBackAtTheirReturnTimeAndTheEarliestIsTheRetryTime()
        {
            var ledger = new PermitLedger();
            for (int i = 1; i <= 20; i++) ledger.TryTake(20, new Lease(i, 7, 70, 0), Start, Window, out _);
            ledger.Return(5, Start.AddSeconds(3));
            ledger.Return(17, Start.AddSeconds(2));
            ledger.Return(999, Start.AddSeconds(1));   // not ours: nothing changes

            Assert.False(ledger.TryTake(20, new Lease(21, 7, 70, 0), Start.AddSeconds(1), Window, out DateTime retryAt));
            Assert.Equal(Start.AddSeconds(2), retryAt);

            Assert.True(ledger.TryTake(20, new Lease(21, 7, 70, 0), Start.AddSeconds(2), Window, out _));
            Assert.Equal(20, ledger.Count);   // 17 came back, 21 went out
            ledger.Purge(Start.AddSeconds(3));
            Assert.Equal(19, ledger.Count);   // and then 5
        }

        [Fact]
        public void ShedForgetsTheNewestLeasesSoTheOldestStillComeBackFirst()
        {
            var ledger = new PermitLedger();
            for (int i = 1; i <= 12; i++) ledger.TryTake(12, new Lease(i, 7, 70, 0), Start, Window, out _);
            for (int i = 1; i <= 12; i++) ledger.Return(i, Start.AddSeconds(i + 10));

            ledger.Shed(10);
            Assert.Equal(10, ledger.Count);
            ledger.Return(12, Start.AddSeconds(1));     // a forgotten lease's answer changes nothing
            Assert.False(ledger.TryTake(10, new Lease(13, 7, 70, 0), Start.AddSeconds(10.5), Window, out DateTime retryAt));
            Assert.Equal(Start.AddSeconds(11), retryAt);
            Assert.True(ledger.TryTake(10, new Lease(13, 7, 70, 0), Start.AddSeconds(11), Window, out _));

            ledger.Shed(20);                            // never adds
            Assert.Equal(10, ledger.Count);
        }

        [Fact]
        public void ReclaimsOnlyTheInFlightLeasesOfProcessesThatAreGone()
        {
            var ledger = new PermitLedger();
            ledger.TryTake(10, new Lease(1, 100, 1, 0), Start, Window, out _);
            ledger.TryTake(10, new Lease(2, 200, 2, 0), Start, Window, out _);
            ledger.TryTake(10, new Lease(3, 100, 1, 0), Start, Window, out _);
            ledger.Return(3, Start.AddSeconds(1));

            int reclaimed = ledger.ReclaimFrom(lease => lease.ProcessId == 100, Start.AddSeconds(5));

            Assert.Equal(1, reclaimed);
            ledger.Purge(Start.AddSeconds(5));
            Assert.Equal(1, ledger.Count);   // only process 200's lease is still out
        }

        [Fact]
        public void WritesAndReadsBackEveryLease()
        {
            var ledger = new PermitLedger();
            for (int i = 1; i <= 33; i++) ledger.TryTake(100, new Lease(i, i, i * 10, 0), Start, Window, out _);
            ledger.Return(9, Start.AddSeconds(4));

            using var stream = new MemoryStream();
            using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) ledger.Write(writer);
            stream.Position = 0;
            PermitLedger read = PermitLedger.Read(new BinaryReader(stream));

            Assert.Equal(33, read.Count);
            read.Purge(Start.AddSeconds(4));
            Assert.Equal(32, read.Count);
        }
    }
}
