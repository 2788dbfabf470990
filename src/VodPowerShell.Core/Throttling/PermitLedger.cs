using System;
using System.IO;

namespace VodPowerShell.Core.Throttling
{
    /// <summary>
    /// The permits of one key that are out: requests in flight, and answered requests whose permit comes back
    /// one window after the answer. Pure bookkeeping on the times it is given; kept in memory for one process
    /// or in the shared state file for all processes of the user (<see cref="SharedPermitBook"/>).
    /// </summary>
    internal sealed class PermitLedger
    {
        private const int Magic = 0x31475156;      // "VQG1"
        private const int MaximumLeases = 1_000_000;

        // An array, not a List<Lease>: the runtime would compile List's code over this struct in the first
        // call's time, where our own loops come precompiled (ReadyToRun).
        private Lease[] leases;
        private int count;

        public PermitLedger()
            : this(16)
        {
        }

        private PermitLedger(int capacity) => leases = new Lease[capacity];

        public int Count => count;

        /// <summary>
        /// Forgets the permits that came back, then takes one when fewer than <paramref name="limit"/> are out.
        /// Otherwise <paramref name="retryAt"/> says when one may come back: the earliest return, or a window
        /// from now, since a request still in flight returns its permit a window after its answer at the earliest.
        /// </summary>
        public bool TryTake(int limit, Lease lease, DateTime now, TimeSpan window, out DateTime retryAt)
        {
            Purge(now);
            retryAt = now + window;
            if (count < limit)
            {
                Add(lease);
                return true;
            }

            for (int i = 0; i < count; i++)
            {
                if (leases[i].InFlight) continue;
                var returns = new DateTime(leases[i].ReturnAtTicks, DateTimeKind.Utc);
                if (returns < retryAt) retryAt = returns;
            }

            return false;
        }

        /// <summary>The request on this lease was answered: its permit comes back at <paramref name="returnAt"/>.</summary>
        public void Return(long leaseId, DateTime returnAt)
        {
            for (int i = 0; i < count; i++)
            {
                if (leases[i].Id != leaseId) continue;
                leases[i] = leases[i].ReturningAt(returnAt.Ticks);
                return;
            }
        }

        /// <summary>
        /// Forgets the newest leases beyond <paramref name="keep"/>: after a cut, the oldest permits still come
        /// back first and the next burst starts with them. Requests on forgotten leases stay counted by the
        /// service for a window, so for that window this client may have up to its old limit counted, never more.
        /// </summary>
        public void Shed(int keep)
        {
            if (keep >= 0 && count > keep) count = keep;
        }

        /// <summary>
        /// Leases in flight that belong to a process that is gone come back a window after they are found, as if
        /// the answer came now: the service may have counted the request just before the process died.
        /// </summary>
        /// <returns>How many were reclaimed.</returns>
        public int ReclaimFrom(Func<Lease, bool> ownerIsGone, DateTime returnAt)
        {
            int reclaimed = 0;
            for (int i = 0; i < count; i++)
            {
                if (!leases[i].InFlight || !ownerIsGone(leases[i])) continue;
                leases[i] = leases[i].ReturningAt(returnAt.Ticks);
                reclaimed++;
            }

            return reclaimed;
        }

        /// <summary>Drops the permits that came back by <paramref name="now"/>, keeping the others in order.</summary>
        public void Purge(DateTime now)
        {
            int kept = 0;
            for (int i = 0; i < count; i++)
            {
                if (!leases[i].InFlight && leases[i].ReturnAtTicks <= now.Ticks) continue;
                leases[kept++] = leases[i];
            }

            count = kept;
        }

        /// <summary>
        /// A permit never comes back later than <paramref name="latest"/> (two windows from now, well past any
        /// return time written a moment ago): after the clock went back, a return time far ahead would otherwise
        /// hold it for as long as the clock jumped.
        /// </summary>
        public void ClampReturns(DateTime latest)
        {
            for (int i = 0; i < count; i++)
            {
                if (!leases[i].InFlight && leases[i].ReturnAtTicks > latest.Ticks) leases[i] = leases[i].ReturningAt(latest.Ticks);
            }
        }

        public void Write(BinaryWriter writer)
        {
            writer.Write(Magic);
            writer.Write(count);
            for (int i = 0; i < count; i++)
            {
                writer.Write(leases[i].Id);
                writer.Write(leases[i].ProcessId);
                writer.Write(leases[i].ProcessStartTicks);
                writer.Write(leases[i].ReturnAtTicks);
            }
        }

        private void Add(Lease lease)
        {
            if (count == leases.Length)
            {
                var larger = new Lease[leases.Length * 2];
                Array.Copy(leases, larger, count);   // not Array.Resize<Lease>: generic over the struct, see above
                leases = larger;
            }

            leases[count++] = lease;
        }

        /// <summary>An empty, short or foreign file reads as no permits out: it can only cost one window's precision.</summary>
        public static PermitLedger Read(BinaryReader reader)
        {
            Stream stream = reader.BaseStream;
            if (stream.Length - stream.Position < 8 || reader.ReadInt32() != Magic) return new PermitLedger();
            int count = reader.ReadInt32();
            if (count < 0 || count > MaximumLeases || stream.Length - stream.Position < (long)count * Lease.Size) return new PermitLedger();

            // Sized for what the file holds and the one lease a take adds: the shared book reads the file twice per
            // request, and growing by doubling would copy the leases again each time.
            var ledger = new PermitLedger(Math.Max(16, count + 1));
            for (int i = 0; i < count; i++)
            {
                ledger.Add(new Lease(reader.ReadInt64(), reader.ReadInt32(), reader.ReadInt64(), reader.ReadInt64()));
            }

            return ledger;
        }
    }

    /// <summary>One permit that is out: who holds it and, once answered, when it comes back (0 while in flight).</summary>
    internal readonly struct Lease
    {
        public const int Size = 8 + 4 + 8 + 8;

        public Lease(long id, int processId, long processStartTicks, long returnAtTicks)
        {
            Id = id;
            ProcessId = processId;
            ProcessStartTicks = processStartTicks;
            ReturnAtTicks = returnAtTicks;
        }

        public long Id { get; }

        public int ProcessId { get; }

        /// <summary>Tells the holder from a later process that got the same id.</summary>
        public long ProcessStartTicks { get; }

        public long ReturnAtTicks { get; }

        public bool InFlight => ReturnAtTicks == 0;

        public Lease ReturningAt(long ticks) => new Lease(Id, ProcessId, ProcessStartTicks, Math.Max(1, ticks));
    }
}
