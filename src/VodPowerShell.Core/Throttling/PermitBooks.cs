using System;
using System.Diagnostics;
using System.Security.Cryptography;

namespace VodPowerShell.Core.Throttling
{
    /// <summary>Where the permits of one key are counted: in this process, or for every process of the user.</summary>
    internal interface IPermitBook
    {
        /// <summary>Takes a permit when fewer than <paramref name="limit"/> are out; otherwise says when to try again.</summary>
        bool TryTake(int limit, DateTime now, out long leaseId, out DateTime retryAt);

        /// <summary>The request on the lease was answered; its permit comes back at <paramref name="returnAt"/>.</summary>
        void Return(long leaseId, DateTime returnAt);

        /// <summary>After a cut to <paramref name="keep"/> permits, forgets the newest leases beyond them.</summary>
        void Shed(int keep);
    }

    /// <summary>The permits of this process only.</summary>
    internal sealed class LocalPermitBook : IPermitBook
    {
        private readonly PermitLedger ledger = new PermitLedger();
        private readonly TimeSpan window;
        private long nextId;

        public LocalPermitBook(TimeSpan window) => this.window = window;

        public bool TryTake(int limit, DateTime now, out long leaseId, out DateTime retryAt)
        {
            lock (ledger)
            {
                leaseId = ++nextId;
                return ledger.TryTake(limit, new Lease(leaseId, 0, 0, 0), now, window, out retryAt);
            }
        }

        public void Return(long leaseId, DateTime returnAt)
        {
            lock (ledger) ledger.Return(leaseId, returnAt);
        }

        public void Shed(int keep)
        {
            lock (ledger) ledger.Shed(keep);
        }
    }

    /// <summary>Who this process is, as written in its leases: a process id is reused, with its start time it is not.</summary>
    internal static class ProcessIdentity
    {
        // Read once, on first use (not Lazy<(int, long)>: its code over a value tuple is compiled at run time).
        private static Self? current;

        /// <summary>Two reads of one process's start time may differ by rounding; a second apart they are two processes.</summary>
        private static readonly long Tolerance = TimeSpan.FromSeconds(1).Ticks;

        public static int Id => Current.Id;

        public static long StartTicks => Current.StartTicks;

        // Two threads may both read it the first time; they read the same values.
        private static Self Current => current ??= Self.Read();

        public static long NewLeaseId()
        {
            var bytes = new byte[8];
            using (var random = RandomNumberGenerator.Create()) random.GetBytes(bytes);
            return BitConverter.ToInt64(bytes, 0);
        }

        /// <summary>True when the process is gone (or its id now names another process).</summary>
        public static bool IsGone(int processId, long startTicks)
        {
            try
            {
                using Process process = Process.GetProcessById(processId);
                return Math.Abs(process.StartTime.ToUniversalTime().Ticks - startTicks) > Tolerance;
            }
            catch (ArgumentException)
            {
                return true;        // no such process
            }
            catch (Exception ex) when (ex is InvalidOperationException || ex is System.ComponentModel.Win32Exception || ex is NotSupportedException)
            {
                return false;       // it exists but its start time is not ours to read: keep its permits
            }
        }

        private sealed class Self
        {
            private Self(int id, long startTicks)
            {
                Id = id;
                StartTicks = startTicks;
            }

            public int Id { get; }

            public long StartTicks { get; }

            public static Self Read()
            {
                using Process self = Process.GetCurrentProcess();
                return new Self(self.Id, self.StartTime.ToUniversalTime().Ticks);
            }
        }
    }
}
