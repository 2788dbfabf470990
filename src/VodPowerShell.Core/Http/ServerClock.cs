using System;
using System.Threading;

namespace VodPowerShell.Core.Http
{
    /// <summary>
    /// The time requests are stamped with: the local clock, corrected once the service has rejected a request
    /// for its timestamp (v2 4500, API 3.0 AuthFailure.SignatureExpire) and told its own time in the Date
    /// header. A machine whose clock is off by hours then still works, after one re-signed retry.
    /// </summary>
    public sealed class ServerClock
    {
        /// <summary>Date has whole seconds; a smaller difference is noise, not skew, and well inside the window.</summary>
        public static readonly TimeSpan Threshold = TimeSpan.FromSeconds(30);

        private readonly Func<DateTimeOffset> local;
        private long offsetTicks;

        public ServerClock(Func<DateTimeOffset> local) => this.local = local;

        public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

        public DateTimeOffset Now => local() + Offset;

        /// <summary>
        /// Adopts the service's time when it differs from the time requests are stamped with (the corrected
        /// clock) by more than <see cref="Threshold"/>; true if it did. False means the stamp was right, so a
        /// rejection that blamed it must have had another cause (a replayed nonce).
        /// </summary>
        public bool Learn(DateTimeOffset? serverDate)
        {
            if (serverDate is null || (serverDate.Value - Now).Duration() < Threshold) return false;
            Interlocked.Exchange(ref offsetTicks, (serverDate.Value - local()).Ticks);
            return true;
        }
    }
}
