using System;
using System.Collections.Generic;

namespace VodPowerShell.Emulator.Domain
{
    /// <summary>Network and service failures the emulator can simulate on the API path.</summary>
    public enum FaultKind
    {
        None,

        /// <summary>HTTP 500 with an HTML body, as a failing proxy would send.</summary>
        Http500,

        /// <summary>The connection is dropped without any response.</summary>
        Reset,

        Code5100,
        Code6000,
        Code6200,

        /// <summary>The request is processed, but its response stops half way.</summary>
        Truncated,

        /// <summary>The request is processed after a delay.</summary>
        Slow,

        /// <summary>The request is processed but the response never arrives: the ambiguous case.</summary>
        Lost,
    }

    /// <summary>
    /// Decides, per request and in arrival order, whether to inject a fault. Draws come from one seeded
    /// generator, so the same seed and the same request sequence give the same faults.
    /// </summary>
    public sealed class FaultInjector
    {
        /// <summary>The names accepted by <c>--fault-kinds</c>, in one place.</summary>
        public static readonly IReadOnlyDictionary<string, FaultKind> KindNames = new Dictionary<string, FaultKind>(StringComparer.OrdinalIgnoreCase)
        {
            ["http500"] = FaultKind.Http500,
            ["reset"] = FaultKind.Reset,
            ["code5100"] = FaultKind.Code5100,
            ["code6000"] = FaultKind.Code6000,
            ["code6200"] = FaultKind.Code6200,
            ["truncated"] = FaultKind.Truncated,
            ["slow"] = FaultKind.Slow,
            ["lost"] = FaultKind.Lost,
        };

        private readonly object gate = new();
        private readonly double rate;
        private readonly FaultKind[] kinds;
        private readonly int seed;
        private Random draws;

        public FaultInjector(double rate, IReadOnlyList<FaultKind> kinds, int seed)
        {
            this.rate = rate;
            this.kinds = [.. kinds];
            this.seed = seed;
            draws = new Random(seed);
        }

        public FaultKind Next()
        {
            if (rate <= 0 || kinds.Length == 0) return FaultKind.None;
            lock (gate)
            {
                // Two draws every time, so the stream stays aligned whatever the previous outcome was.
                double roll = draws.NextDouble();
                int pick = draws.Next(kinds.Length);
                return roll < rate ? kinds[pick] : FaultKind.None;
            }
        }

        /// <summary>Restarts the sequence, so a reset emulator replays the same faults.</summary>
        public void Reset()
        {
            lock (gate) draws = new Random(seed);
        }

        public static string NameOf(FaultKind kind)
        {
            foreach (var pair in KindNames)
            {
                if (pair.Value == kind) return pair.Key;
            }

            return "none";
        }
    }
}
