using System;
using System.Collections.Generic;

namespace VodPowerShell.Emulator.Domain
{
    /// <summary>
    /// ProcessMedia's deduplication: a SessionId that started a task is refused for <see cref="Window"/>
    /// (Tencent: "three days (72 hours)"; another page says 7 days, see docs/protocol.md). A request that fails
    /// does not spend its SessionId, so a corrected retry goes through.
    /// </summary>
    public sealed class SessionIds
    {
        public static readonly TimeSpan Window = TimeSpan.FromHours(72);

        /// <summary>The service's limit on SessionId's length.</summary>
        public const int MaxLength = 50;

        private readonly Dictionary<string, DateTimeOffset> spent = new(StringComparer.Ordinal);
        private readonly object gate = new();

        /// <summary>
        /// Reserves <paramref name="sessionId"/>; false when a request with it started a task within the window.
        /// Atomic, so two copies of one request arriving together still make one task.
        /// </summary>
        public bool TryReserve(string sessionId, DateTimeOffset now)
        {
            lock (gate)
            {
                if (spent.TryGetValue(sessionId, out var at) && now - at < Window) return false;
                spent[sessionId] = now;
                return true;
            }
        }

        /// <summary>Gives back a reservation whose request failed.</summary>
        public void Release(string sessionId)
        {
            lock (gate) spent.Remove(sessionId);
        }

        public void Clear()
        {
            lock (gate) spent.Clear();
        }
    }
}
