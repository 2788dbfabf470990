using System;
using System.Collections.Generic;

namespace VodPowerShell.Core.Throttling
{
    /// <summary>
    /// How many requests per window this client allows itself, adapted to quota errors the way AWS SDKs'
    /// "adaptive" retry mode adapts its rate (botocore's CUBIC rate limiter, after RFC 8312): a throttle cuts
    /// the rate to <see cref="Beta"/> of what the service accepted, then it grows back along a cubic curve that
    /// is flat around that level and speeds up beyond it. Several hosts on one key thus settle around a share
    /// each instead of hammering and pausing.
    /// </summary>
    /// <remarks>
    /// The first quota error tells a client that others use the key, not how many: every client that meets
    /// another restarts from an eighth of the quota and doubles each window until the next quota error (TCP's
    /// slow start), so clients that met at the same moment grow alike and share fairly, where cutting from
    /// what each had accepted would keep the one that started first ahead for the whole run. An eighth, not one
    /// request a window: with few long windows (v2's minute) a restart from one would leave most of the quota
    /// unused for several windows; up to eight clients still restart within it. Each later cut
    /// delays its growth by a random part of a window, so clients cut together do not probe in lock-step.
    /// Time is measured in windows, so the same constants fit v2's 100 a minute and API 3.0's 100 a second.
    /// Pure arithmetic on the times it is given; tuned against a simulation and <c>build.ps1 Bench</c>
    /// (bench/README.md, "Shared quota").
    /// </remarks>
    public sealed class AdaptiveLimit
    {
        /// <summary>botocore's multiplicative decrease.</summary>
        public const double Beta = 0.7;

        /// <summary>Where the slow start begins, as a share of <see cref="Maximum"/> (at least one request a window).</summary>
        public const double RestartShare = 1.0 / 8;

        /// <summary>
        /// The cubic's scale, in requests per window per window cubed: botocore's 0.4 probes for more so fast
        /// that a client at a share of 3 or 4 requests a window doubles it within two windows of regaining it,
        /// and each probe costs a quota error (16% of the requests at 6 processes); a twentieth of it gives 6%.
        /// </summary>
        public const double ScaleConstant = 0.02;

        private readonly object sync = new object();
        private readonly Func<double> random;

        /// <summary>When the answers of the last window came in without a quota error: the rate the service gave this client.</summary>
        private readonly Queue<DateTime> accepted = new Queue<DateTime>();
        private double limit;
        private double limitBeforeThrottle;
        private double windowsToRegain;
        private DateTime lastThrottle;
        private DateTime growthStart;
        private Phase phase = Phase.Full;

        public AdaptiveLimit(int maximum, TimeSpan window)
            : this(maximum, window, CreateRandom())
        {
        }

        /// <param name="random">A number in [0, 1) per cut: how much of a window the growth waits.</param>
        public AdaptiveLimit(int maximum, TimeSpan window, Func<double> random)
        {
            if (maximum <= 0) throw new ArgumentOutOfRangeException(nameof(maximum));
            if (window <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(window));
            Maximum = maximum;
            Window = window;
            this.random = random ?? throw new ArgumentNullException(nameof(random));
            limit = maximum;
        }

        private enum Phase
        {
            /// <summary>No quota error yet, or the quota regained since: the whole quota.</summary>
            Full,

            /// <summary>Others use the key: from <see cref="RestartShare"/> of the quota, doubling each window.</summary>
            SlowStart,

            /// <summary>Cut from the accepted rate, growing back along the cubic curve.</summary>
            Cubic,
        }

        /// <summary>The configured quota: the limit never grows beyond it.</summary>
        public int Maximum { get; }

        public TimeSpan Window { get; }

        /// <summary>True from a quota error until the limit has grown back to <see cref="Maximum"/>.</summary>
        public bool IsAdapting
        {
            get
            {
                lock (sync) return phase != Phase.Full;
            }
        }

        /// <summary>Requests allowed per window right now, a fraction while adapting: what <see cref="RequestPacer"/> spreads.</summary>
        public double Rate
        {
            get
            {
                lock (sync) return limit;
            }
        }

        /// <summary>Permits allowed in any window right now: the rate rounded up, so the pacer, not the count, sets the pace.</summary>
        public int Permits
        {
            get
            {
                lock (sync) return PermitsOf(limit);
            }
        }

        /// <summary>
        /// A request was answered "over quota". Cuts the limit, at most once per window: the answers of one
        /// overload arrive together, and the cut needs a window to show at the service.
        /// </summary>
        /// <returns>True when <see cref="Permits"/> changed.</returns>
        public bool OnThrottled(DateTime now)
        {
            lock (sync)
            {
                if (phase != Phase.Full && now - lastThrottle < Window) return false;
                int before = PermitsOf(limit);
                Forget(now);
                lastThrottle = now;
                if (phase == Phase.Full)
                {
                    phase = Phase.SlowStart;
                    limit = RestartLevel;
                    return PermitsOf(limit) != before;
                }

                // From what the service actually accepted in the last window (botocore's measured rate), not from
                // a limit others left no room for: the slow start overshoots by up to twice the share it found.
                limitBeforeThrottle = Math.Min(limit, accepted.Count);
                limit = Math.Max(1, limitBeforeThrottle * Beta);
                windowsToRegain = Math.Pow(limitBeforeThrottle * (1 - Beta) / ScaleConstant, 1.0 / 3);
                growthStart = now + TimeSpan.FromTicks((long)(Window.Ticks * random()));
                phase = Phase.Cubic;
                return PermitsOf(limit) != before;
            }
        }

        /// <summary>A request was answered without a quota error: the limit grows back.</summary>
        /// <returns>True when <see cref="Permits"/> changed.</returns>
        public bool OnAccepted(DateTime now)
        {
            lock (sync)
            {
                accepted.Enqueue(now);
                Forget(now);
                if (phase == Phase.Full) return false;
                int before = PermitsOf(limit);
                if (phase == Phase.SlowStart)
                {
                    limit = RestartLevel * Math.Pow(2, WindowsSince(lastThrottle, now));
                }
                else
                {
                    double windows = WindowsSince(growthStart, now);
                    limit = Math.Max(1, ScaleConstant * Math.Pow(windows - windowsToRegain, 3) + limitBeforeThrottle);
                }

                if (limit >= Maximum)
                {
                    limit = Maximum;
                    phase = Phase.Full;
                }

                return PermitsOf(limit) != before;
            }
        }

        private static Func<double> CreateRandom()
        {
            var generator = new Random(Guid.NewGuid().GetHashCode());
            return () =>
            {
                lock (generator) return generator.NextDouble();
            };
        }

        private double RestartLevel => Math.Max(1, Maximum * RestartShare);

        private double WindowsSince(DateTime from, DateTime now) => Math.Max(0, (now - from).Ticks) / (double)Window.Ticks;

        private void Forget(DateTime now)
        {
            while (accepted.Count > 0 && now - accepted.Peek() >= Window) accepted.Dequeue();
        }

        private static int PermitsOf(double value) => Math.Max(1, (int)Math.Ceiling(value - 1e-9));
    }
}
