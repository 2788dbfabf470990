using System;
using System.Collections.Generic;

namespace VodPowerShell.Core.Throttling
{
    /// <summary>
    /// How many requests per window this client allows itself, adapted to quota errors from other hosts on the
    /// key, as AWS SDKs' "adaptive" retry mode adapts its rate (botocore's CUBIC rate limiter): a quota error
    /// lowers the limit, which then grows back along a cubic curve while calls succeed.
    /// </summary>
    /// <remarks>
    /// The service counts requests in a window, so the limit is a count per window, sent in a burst at one pace
    /// for every client (<see cref="QuotaGate"/>), and the decrease is not a fixed factor but what the service
    /// accepted of this client in the last window: when every client bursts at the same pace from the same
    /// moment, the window fills while each has the same number accepted, and a client whose limit is above that
    /// level is the one still sending, so it is the one refused and cut to it (water filling: max-min fair,
    /// nothing left unused). Three rules get every client to that moment and level:
    /// <list type="bullet">
    /// <item>The first quota error tells a client that others use the key. It holds every request for a
    /// window (<see cref="HoldUntil"/>): the window filled at one moment for all, so all clients that met start
    /// their next burst together, still at the whole quota, and the first error of that burst cuts each to its
    /// share.</item>
    /// <item>A client that had nothing accepted in the window (a host that joined clients already in step)
    /// sent at a moment of their cycle when their bursts keep the window full: it pauses a window and a random
    /// part of one and tries again with the whole quota, so that when its try lands in their burst it is cut to
    /// what it got there. Cut below <see cref="SlowStartShare"/> of the quota, it doubles its limit each window
    /// until the next error (TCP's slow start), instead of crawling up the cubic curve.</item>
    /// <item>Above its share the limit grows along the cubic curve from where it was cut: slowly at first,
    /// since each step past the share costs one refused request, then faster, so room that a finished host
    /// leaves is taken. A raise the service accepted for a whole window means there is room: the limit then grows
    /// by half each window until the next quota error.</item>
    /// <item>Those rules keep whatever shares the start gave, and a host that joins hosts already in step gets
    /// only what their probes leave: each host resends each of its permits as it comes back, so the service's
    /// window stays full at every moment but those. <see cref="WindowsBeforeTheGrid"/> windows after the first
    /// quota error, if the window is long enough, each burst starts at an instant of a grid of UTC time that every host computes alike
    /// (<see cref="BurstInstant"/>), and a cut is to what this burst got: every host, a joiner too, races from the
    /// same instant at the same pace, so the window fills while each has the same number accepted (water filling
    /// again, every window). A run shorter than that never waits for the grid; one on it stays on it, even back at
    /// the whole quota.</item>
    /// <item>Bursts in step need every host's answers back within a small part of the window. At API 3.0's one
    /// second, tens of milliseconds of varying answer time are that part, and the bursts drift apart. Windows
    /// up to <see cref="LongestSteadyWindow"/> are shared by steady streams instead
    /// (<see cref="IsSteady"/>): each host sends at its own limit's pace, so a quota error falls on a host in
    /// proportion to its rate, and a cut is CUBIC's own (RFC 9438): to <see cref="SteadyCut"/> of the rate the
    /// service accepted, back to that rate along the cubic curve in a window or two, then probing past it.
    /// Hosts above their share are cut more often and by more, so their rates converge.</item>
    /// </list>
    /// Time is measured in windows, so the same constants fit v2's 100 a minute and any window of bursts; API
    /// 3.0's one second has steady streams' own (<see cref="SteadyCut"/>, <see cref="SteadyScale"/>).
    /// Pure arithmetic on the times it is given; measured with <c>build.ps1 Bench</c> (bench/README.md, "Shared quota").
    /// </remarks>
    public sealed class AdaptiveLimit
    {
        /// <summary>A client cut below this share of <see cref="Maximum"/> grows by doubling each window.</summary>
        public const double SlowStartShare = 1.0 / 10;

        /// <summary>
        /// The cubic's scale, in requests per window per window cubed: one more request a window about 3.7
        /// windows after a cut, three more after 5.3. botocore's 0.4 probes so fast that at a share of 3 or 4
        /// requests a window most windows cost a quota error.
        /// </summary>
        public const double ScaleConstant = 0.02;

        /// <summary>
        /// Windows after the first quota error (others use the key) from which bursts start on the grid of UTC
        /// time: a run shorter than this (the runs of up to a thousand fileIds) never pays the wait for the
        /// grid, and one that runs for hours pays it once.
        /// </summary>
        public const int WindowsBeforeTheGrid = 10;

        /// <summary>
        /// Windows shorter than this get no grid: its margin, a fortieth of the window, must outlast a round trip
        /// for every host's permits to be back at the grid instant, and API 3.0's one second would leave 25 ms.
        /// </summary>
        public static readonly TimeSpan ShortestWindowOnTheGrid = TimeSpan.FromSeconds(10);

        /// <summary>
        /// Windows up to this long (API 3.0's) are shared by steady streams, not bursts in step (<see cref="IsSteady"/>).
        /// In the quota simulation with answers varying by 20-40 ms, bursts met issue 17's targets at windows of
        /// 1.2 s and longer, better than steady streams, and failed at 1 s, where a refused request's own wait (a
        /// second at least) also keeps it out of the next burst (bench/README.md, "The quota simulation").
        /// </summary>
        public static readonly TimeSpan LongestSteadyWindow = TimeSpan.FromSeconds(1);

        /// <summary>
        /// A steady stream's cut: this share of the rate the service accepted. CUBIC's 0.7 assumes a router's buffer
        /// keeps the link busy while the sender is below its old rate; a quota has no buffer, so every request not
        /// sent after a cut is quota lost.
        /// </summary>
        public const double SteadyCut = 0.8;

        /// <summary>A steady stream's cubic scale, in requests per window per window cubed: botocore's 0.4 per second cubed.</summary>
        public const double SteadyScale = 0.4;

        private readonly object sync = new object();
        private readonly Func<double> random;

        /// <summary>When the answers of the last window came in without a quota error: the rate the service gave this client.</summary>
        private readonly Queue<DateTime> accepted = new Queue<DateTime>();
        private double limit;
        private double limitAtCut;
        private DateTime lastThrottle;
        private DateTime growthStart;
        private DateTime holdUntil;
        private Phase phase = Phase.Full;

        /// <summary>A steady stream's rate before its last cut, and the windows the cubic curve takes to regain it.</summary>
        private double rateBeforeCut;
        private double windowsToRegain;

        /// <summary>When the cubic growth first raised the permits since the last cut (the default value before that).</summary>
        private DateTime firstRaise;

        /// <summary>The first quota error since the limit was last at the whole quota (the default value while it is).</summary>
        private DateTime othersSeenSince;

        /// <summary>The grid instant the current burst started at (<see cref="StartBurst"/>), and what it got since.</summary>
        private DateTime burstStart;
        private int acceptedInBurst;

        public AdaptiveLimit(int maximum, TimeSpan window)
            : this(maximum, window, CreateRandom())
        {
        }

        /// <param name="random">A number in [0, 1) per cut: how much of a window the growth (or, with nothing accepted, the next try) waits.</param>
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

            /// <summary>Others use the key: a pause, then the whole quota once more to find the share.</summary>
            Aligning,

            /// <summary>Cut far below the quota: doubling each window.</summary>
            SlowStart,

            /// <summary>A raise met no quota error for a window: growing by half each window.</summary>
            RoomFound,

            /// <summary>Cut to its share, growing along the cubic curve.</summary>
            Cubic,
        }

        /// <summary>The configured quota: the limit never grows beyond it.</summary>
        public int Maximum { get; }

        public TimeSpan Window { get; }

        /// <summary>True when the window is at most <see cref="LongestSteadyWindow"/>: requests leave at the limit's own pace, and a cut is CUBIC's.</summary>
        public bool IsSteady => Window <= LongestSteadyWindow;

        /// <summary>True from a quota error until the limit has grown back to <see cref="Maximum"/> off the grid (<see cref="IsOnGrid"/>).</summary>
        public bool IsAdapting
        {
            get
            {
                lock (sync) return phase != Phase.Full;
            }
        }

        /// <summary>Requests allowed per window right now, a fraction while growing.</summary>
        public double Rate
        {
            get
            {
                lock (sync) return limit;
            }
        }

        /// <summary>Permits allowed in any window right now: the rate rounded down, since a burst cannot send a fraction.</summary>
        public int Permits
        {
            get
            {
                lock (sync) return PermitsOf(limit);
            }
        }

        /// <summary>No request may leave before this moment (the default value when none is held).</summary>
        public DateTime HoldUntil
        {
            get
            {
                lock (sync) return holdUntil;
            }
        }

        /// <summary>The grid's period: the window and a fortieth of it, the margin in which every host's permits come back.</summary>
        public TimeSpan GridPeriod => Window + TimeSpan.FromTicks(Window.Ticks / 40);

        /// <summary>
        /// True when bursts start on the grid of UTC time (<see cref="BurstInstant"/>): the window is long enough
        /// and other hosts have used the key for <see cref="WindowsBeforeTheGrid"/> windows since the first quota error.
        /// </summary>
        public bool IsOnGrid(DateTime now)
        {
            lock (sync) return OnGrid(now);
        }

        /// <summary>
        /// When a burst that could start at <paramref name="now"/> starts: the grid instant just past if it is at
        /// most a twentieth of a window ago (permits that came back a little late still burst in step), else the
        /// next one. Every host computes the same instants from UTC time alone.
        /// </summary>
        public DateTime BurstInstant(DateTime now)
        {
            long period = GridPeriod.Ticks;
            var previous = new DateTime(now.Ticks / period * period, DateTimeKind.Utc);
            return now - previous <= TimeSpan.FromTicks(Window.Ticks / 20) ? previous : previous.AddTicks(period);
        }

        /// <summary>A burst started at the grid instant <paramref name="instant"/>: the next cut is to what it gets.</summary>
        public void StartBurst(DateTime instant)
        {
            lock (sync)
            {
                burstStart = instant;
                acceptedInBurst = 0;
            }
        }

        /// <summary>
        /// How many requests beyond <see cref="Permits"/> the last requests of a run may take now: half the permits,
        /// rounded up, once other clients have been seen on the key and no quota error came for a window; otherwise
        /// none. Hosts given equal work finish close together, some with a few requests left over for a window of
        /// their own (integer shares of a quota do not divide it evenly), while the others' last bursts leave that
        /// room unused in the window before: sent then, they end the run a window sooner (a minute on v2). A host
        /// with no room is refused a request or two, retried as any other, and the next quota error stops it. Never
        /// beyond <see cref="Maximum"/>: the service accepts no more of one client in a window, so a limit back at the
        /// whole quota on the grid has none.
        /// </summary>
        public int RoomForLastRequests(DateTime now)
        {
            lock (sync)
            {
                if (phase == Phase.Full || phase == Phase.Aligning || now - lastThrottle < Window) return 0;
                int permits = PermitsOf(limit);
                return Math.Min((permits + 1) / 2, Maximum - permits);
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
                    phase = Phase.Aligning;
                    holdUntil = now + Window;
                    othersSeenSince = now;
                    return false;
                }

                bool onGrid = OnGrid(now);
                if (accepted.Count == 0)
                {
                    // Others' bursts keep the window full at this moment of their cycle: try at another moment,
                    // with the whole quota again, so that if it lands in their burst it finds its share there.
                    // On the grid, that moment is the next instant, where every host's burst starts.
                    phase = Phase.Aligning;
                    limit = Maximum;
                    holdUntil = onGrid ? BurstInstant(now + Window) : now + Window + RandomPartOfWindow();
                    return PermitsOf(limit) != before;
                }

                // What the service accepted of this client in the last window is its share now (botocore cuts
                // from its measured rate too); on the grid, what it accepted since every host's burst began at
                // one instant (a refusal before its first burst there is counted as off it). Never more than the
                // limit it had.
                bool inGridBurst = onGrid && burstStart != default && now - burstStart <= Window;
                limitAtCut = Math.Min(limit, inGridBurst ? Math.Max(1, acceptedInBurst) : accepted.Count);
                firstRaise = default;
                if (IsSteady)
                {
                    rateBeforeCut = limitAtCut;
                    limitAtCut = Math.Max(1, SteadyCut * rateBeforeCut);
                    windowsToRegain = Math.Pow(rateBeforeCut * (1 - SteadyCut) / SteadyScale, 1.0 / 3);
                    limit = limitAtCut;
                    phase = Phase.Cubic;
                    growthStart = now;
                    return PermitsOf(limit) != before;
                }

                limit = limitAtCut;
                if (limitAtCut < Maximum * SlowStartShare)
                {
                    phase = Phase.SlowStart;
                    growthStart = now;
                }
                else
                {
                    phase = Phase.Cubic;
                    growthStart = now + RandomPartOfWindow();   // clients cut together do not probe in lock-step
                }

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
                if (now >= burstStart) acceptedInBurst++;
                Forget(now);
                if (phase == Phase.Full || phase == Phase.Aligning) return false;
                int before = PermitsOf(limit);
                double windows = WindowsSince(growthStart, now);
                limit = phase switch
                {
                    Phase.SlowStart => limitAtCut * Math.Pow(2, windows),
                    Phase.RoomFound => limitAtCut * Math.Pow(1.5, windows),
                    _ when IsSteady => Math.Max(limitAtCut, rateBeforeCut + SteadyScale * Math.Pow(windows - windowsToRegain, 3)),
                    _ => limitAtCut + ScaleConstant * Math.Pow(windows, 3),
                };
                if (limit >= Maximum)
                {
                    // Back at the whole quota: alone again, except on the grid. There a burst that met no refusal
                    // says that the others left room in it (a late host grows into the room of hosts just moving
                    // to the grid), not that they left; and off the grid its next quota error would be a first one,
                    // a pause and then a burst with the whole quota at any moment, which cuts the hosts still on
                    // the grid far below their shares.
                    limit = Maximum;
                    if (!OnGrid(now))
                    {
                        phase = Phase.Full;
                        othersSeenSince = default;
                    }
                }
                else if (phase == Phase.Cubic && !IsSteady)
                {
                    // A steady stream's curve takes room past its old rate by itself, within a few windows.
                    FindRoom(now, before);
                }

                return PermitsOf(limit) != before;
            }
        }

        /// <summary>
        /// A raise that the service accepted for a whole window, with no quota error since, means there is room
        /// (another host finished or slowed down): the limit then grows by half each window from there until the
        /// next quota error, instead of crawling up the cubic curve while that room goes unused. By half, not
        /// doubling: a raise is also accepted when it took the slot of another host (whose request is refused
        /// instead), and hosts cut below their share at once would all double past the quota together.
        /// </summary>
        private void FindRoom(DateTime now, int before)
        {
            if (PermitsOf(limit) > before && firstRaise == default) firstRaise = now;
            if (firstRaise == default || now - firstRaise < Window || lastThrottle >= firstRaise) return;
            phase = Phase.RoomFound;
            limitAtCut = limit;
            growthStart = now;
            firstRaise = default;
        }

        private static Func<double> CreateRandom()
        {
            var generator = new Random(Guid.NewGuid().GetHashCode());
            return () =>
            {
                lock (generator) return generator.NextDouble();
            };
        }

        private bool OnGrid(DateTime now) =>
            phase != Phase.Full && Window >= ShortestWindowOnTheGrid && othersSeenSince != default &&
            now - othersSeenSince >= TimeSpan.FromTicks(Window.Ticks * WindowsBeforeTheGrid);

        private TimeSpan RandomPartOfWindow() => TimeSpan.FromTicks((long)(Window.Ticks * random()));

        private double WindowsSince(DateTime from, DateTime now) => Math.Max(0, (now - from).Ticks) / (double)Window.Ticks;

        private void Forget(DateTime now)
        {
            while (accepted.Count > 0 && now - accepted.Peek() >= Window) accepted.Dequeue();
        }

        private static int PermitsOf(double value) => Math.Max(1, (int)Math.Floor(value + 1e-9));
    }
}
