using System;
using System.Threading;

namespace VodPowerShell.Emulator.Domain
{
    /// <summary>A clock that moves only when told to, so tests drive task lifecycles and timeouts without sleeping.</summary>
    public sealed class ManualTimeProvider : TimeProvider
    {
        private long utcTicks;

        public ManualTimeProvider(DateTimeOffset start) => utcTicks = start.UtcTicks;

        public override DateTimeOffset GetUtcNow() => new DateTimeOffset(Interlocked.Read(ref utcTicks), TimeSpan.Zero);

        public void Advance(TimeSpan by) => Interlocked.Add(ref utcTicks, by.Ticks);
    }
}
