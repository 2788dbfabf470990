using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace VodPowerShell.Emulator.Domain
{
    /// <summary>A completed sprite task, the only event the emulator raises.</summary>
    public sealed record ImageSpriteCompletedEvent(long Sequence, SpriteTask Task);

    /// <summary>An event handed to a puller, with the handle that confirms it.</summary>
    public sealed record LeasedEvent(string MsgHandle, ImageSpriteCompletedEvent Event);

    public sealed record EventQueueTimings(TimeSpan VisibilityTimeout, TimeSpan HandleLifetime, int MaxEventsPerPull);

    /// <summary>
    /// The reliable-callback queue (docs/protocol.md §5.4, §5.5). A pulled event is hidden for the visibility timeout and
    /// comes back unless confirmed; every pull issues a fresh handle, valid for the handle lifetime.
    /// </summary>
    public sealed class EventQueue
    {
        private readonly object gate = new();
        private readonly List<QueuedEvent> pending = new();
        private readonly Dictionary<string, Lease> leases = new(StringComparer.Ordinal);
        private readonly EventQueueTimings timings;
        private TaskCompletionSource published = NewSignal();

        public EventQueue(EventQueueTimings timings) => this.timings = timings;

        /// <summary>Completes when the next event is published; long polls wait on it.</summary>
        public Task NextPublication => Volatile.Read(ref published).Task;

        public int PendingCount
        {
            get
            {
                lock (gate) return pending.Count;
            }
        }

        public void Publish(ImageSpriteCompletedEvent evt, DateTimeOffset now)
        {
            lock (gate) pending.Add(new QueuedEvent(evt) { VisibleAt = now });
            Interlocked.Exchange(ref published, NewSignal()).TrySetResult();
        }

        public List<LeasedEvent> TryLease(DateTimeOffset now)
        {
            var leased = new List<LeasedEvent>();
            lock (gate)
            {
                foreach (var queued in pending)
                {
                    if (queued.VisibleAt > now) continue;
                    string handle = Guid.NewGuid().ToString("N");
                    queued.VisibleAt = now + timings.VisibilityTimeout;
                    leases[handle] = new Lease(queued, now);
                    leased.Add(new LeasedEvent(handle, queued.Event));
                    if (leased.Count == timings.MaxEventsPerPull) break;
                }

                DropExpiredLeases(now);
            }

            return leased;
        }

        /// <summary>
        /// Confirms all handles or none. Confirming the same handle twice within its lifetime succeeds, so a
        /// client that lost the first answer can safely retry.
        /// </summary>
        public DomainError? Confirm(IReadOnlyList<string> handles, DateTimeOffset now)
        {
            lock (gate)
            {
                foreach (string handle in handles)
                {
                    if (!leases.TryGetValue(handle, out var lease))
                    {
                        return new DomainError(DomainErrorKind.EventHandleInvalid, $"msgHandle '{handle}' is unknown or expired.");
                    }

                    if (now - lease.IssuedAt > timings.HandleLifetime)
                    {
                        return new DomainError(DomainErrorKind.EventHandleInvalid, $"msgHandle '{handle}' is older than {timings.HandleLifetime.TotalSeconds:0.###} s.");
                    }
                }

                foreach (string handle in handles)
                {
                    pending.Remove(leases[handle].Event);
                }
            }

            return null;
        }

        public void Clear()
        {
            lock (gate)
            {
                pending.Clear();
                leases.Clear();
            }
        }

        private void DropExpiredLeases(DateTimeOffset now)
        {
            // Expired leases can never be confirmed again; keep the table from growing without bound.
            if (leases.Count < 1024) return;
            var expired = new List<string>();
            foreach (var pair in leases)
            {
                if (now - pair.Value.IssuedAt > timings.HandleLifetime) expired.Add(pair.Key);
            }

            foreach (string handle in expired) leases.Remove(handle);
        }

        private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

        private sealed class QueuedEvent
        {
            public QueuedEvent(ImageSpriteCompletedEvent evt) => Event = evt;

            public ImageSpriteCompletedEvent Event { get; }

            public DateTimeOffset VisibleAt { get; set; }
        }

        private sealed record Lease(QueuedEvent Event, DateTimeOffset IssuedAt);
    }
}
