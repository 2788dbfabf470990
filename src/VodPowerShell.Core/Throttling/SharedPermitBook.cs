using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;

namespace VodPowerShell.Core.Throttling
{
    /// <summary>
    /// The permits of one key for every process of the user on this machine, in a small state file that each
    /// process locks while it reads and rewrites it (a few hundred bytes; no daemon). The file holds lease ids,
    /// process ids and start times, and return times: nothing secret, and its name is a hash of endpoint and
    /// SecretId. A process that dies holding permits cannot return them; the next process that finds the
    /// permits short reclaims them, one window later, as if their answers had just come.
    /// </summary>
    internal sealed class SharedPermitBook : IPermitBook
    {
        /// <summary>How long to keep trying for the lock: held for microseconds, so only a stuck process hits this.</summary>
        public static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(10);

        /// <summary>How long a process found alive is not asked again.</summary>
        private static readonly TimeSpan LivenessCacheTime = TimeSpan.FromSeconds(1);

        private readonly object sync = new object();
        private readonly string path;
        private readonly TimeSpan window;
        private Dictionary<(int, long), DateTime>? aliveUntil;   // made when another process's lease is first seen
        private byte[] buffer = new byte[4096];

        public SharedPermitBook(string path, TimeSpan window)
        {
            this.path = path;
            this.window = window;
        }

        public string Path => path;

        public bool TryTake(int limit, DateTime now, out long leaseId, out DateTime retryAt)
        {
            long id = ProcessIdentity.NewLeaseId();
            var lease = new Lease(id, ProcessIdentity.Id, ProcessIdentity.StartTicks, 0);
            DateTime retry = default;
            bool taken = Update(ledger =>
            {
                ledger.ClampReturns(now + window + window);
                if (ledger.TryTake(limit, lease, now, window, out retry)) return true;
                if (ledger.ReclaimFrom(l => IsGone(l, now), now + window) == 0) return false;
                return ledger.TryTake(limit, lease, now, window, out retry);
            });
            leaseId = id;
            retryAt = retry;
            return taken;
        }

        /// <summary>Creates the file or checks it can be used, waiting for the lock like every other use.</summary>
        public void Open() => Update(_ => false);

        public void Return(long leaseId, DateTime returnAt) => Update(ledger =>
        {
            ledger.Return(leaseId, returnAt);
            return true;
        });

        /// <summary>Reads the ledger under the file lock, lets <paramref name="change"/> decide, writes it back.</summary>
        private bool Update(Func<PermitLedger, bool> change)
        {
            lock (sync)
            {
                using FileStream file = OpenLocked();
                int length = (int)Math.Min(file.Length, int.MaxValue);
                if (buffer.Length < length) buffer = new byte[length * 2];
                int read = 0;
                while (read < length)
                {
                    int n = file.Read(buffer, read, length - read);
                    if (n == 0) break;
                    read += n;
                }

                PermitLedger ledger;
                using (var reader = new BinaryReader(new MemoryStream(buffer, 0, read, writable: false)))
                {
                    ledger = PermitLedger.Read(reader);
                }

                bool result = change(ledger);
                var output = new MemoryStream(16 + (ledger.Count * Lease.Size));
                using (var writer = new BinaryWriter(output)) ledger.Write(writer);
                byte[] bytes = output.ToArray();
                file.Position = 0;
                file.Write(bytes, 0, bytes.Length);
                file.SetLength(bytes.Length);
                return result;
            }
        }

        /// <summary>
        /// Opening with no sharing is the lock (flock on Unix, a share mode on Windows); the system drops it when
        /// its holder dies. Busy means another process is between its read and its write: try again shortly.
        /// </summary>
        private FileStream OpenLocked()
        {
            DateTime deadline = DateTime.UtcNow + LockTimeout;
            for (int attempt = 0; ; attempt++)
            {
                try
                {
                    return QuotaStateFolder.OpenExclusive(path);
                }
                catch (IOException) when (!(DateTime.UtcNow > deadline) && File.Exists(path))
                {
                    if (attempt < 10) Thread.Yield();
                    else Thread.Sleep(1);
                }
            }
        }

        private bool IsGone(Lease lease, DateTime now)
        {
            if (lease.ProcessId == ProcessIdentity.Id && lease.ProcessStartTicks == ProcessIdentity.StartTicks) return false;
            var key = (lease.ProcessId, lease.ProcessStartTicks);
            aliveUntil ??= new Dictionary<(int, long), DateTime>();
            if (aliveUntil.TryGetValue(key, out DateTime until) && until > now) return false;
            if (ProcessIdentity.IsGone(lease.ProcessId, lease.ProcessStartTicks)) return true;
            aliveUntil[key] = now + LivenessCacheTime;
            if (aliveUntil.Count > 1024) aliveUntil.Clear();
            return false;
        }

        /// <summary>
        /// Nothing: the leases in the file are every process's, and forgetting another's would let this machine
        /// send more than its count. A cut process's next burst waits for its own permits instead.
        /// </summary>
        public void Shed(int keep)
        {
        }
    }
}
