using System;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;

namespace VodPowerShell.Core.Throttling
{
    /// <summary>
    /// Keeps requests for one key within the quota as the service counts them, so a normal run sees no quota
    /// error at all. A permit is handed back one window after its request's answer came in: the service counted
    /// the request at some moment before it answered, so the next request on that permit reaches it at least a
    /// window later, whatever the latency, connection set-up or clock of either side. No interval of the
    /// window's length ever holds more than the permits (for a window after a cut, more than the permits before
    /// it), for fixed or sliding counting. The cost is one round
    /// trip per window per permit: 99.7% of the rate at 60 s and 200 ms latency.
    /// </summary>
    /// <remarks>
    /// The permits are counted in this process or, shared, for every process of the user
    /// (<see cref="SharedPermitBook"/>). How many this client allows itself adapts to quota errors that come
    /// anyway, from other machines on the key (<see cref="AdaptiveLimit"/>). A steady stream that met them (API
    /// 3.0's one-second window) takes its permits back a window after its requests left (<see cref="ReturnTime"/>).
    /// </remarks>
    public sealed class QuotaGate : IQuotaGate, IDisposable
    {
        /// <summary>Timers may fire a tick early against the clock; a window is never cut short by that.</summary>
        private static readonly TimeSpan TimerSlack = TimeSpan.FromMilliseconds(20);

        /// <summary>How often a request held until an answer comes back looks again.</summary>
        private static readonly TimeSpan AnswerPoll = TimeSpan.FromMilliseconds(10);

        /// <summary>
        /// How fast a paced burst leaves, in quotas per window: at the quota's own rate the window of clients that
        /// start together fills late, and a client waits that long once after its first quota error; much faster,
        /// more requests are out, and refused, before the answer that says "over quota" arrives.
        /// </summary>
        private const double BurstPace = 1.5;

        /// <summary>Waiters of this process take turns, oldest first (a guarantee SemaphoreSlim does not give), so only one of them polls the book.</summary>
        private readonly ConcurrencyLimiter turn = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = 1,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        private readonly Func<DateTime> clock;
        private readonly AdaptiveLimit limit;
        private readonly RequestPacer pacer;
        private IPermitBook book;
        private int inFlight;
        private int acceptedAnswers;

        /// <summary>Requests in <see cref="WaitAsync"/>, the one whose turn it is included.</summary>
        private int waiting;

        /// <summary>Runs whose input has ended (<see cref="Finishing"/>).</summary>
        private int finishing;

        /// <summary>0 until the last requests of the runs finishing now were first let beyond the permits (said once, for -Verbose).</summary>
        private int lastRequestsSaid;

        /// <summary>When the last request left; the gate's callers take turns, so only the one whose turn it is touches these.</summary>
        private DateTime lastSent = DateTime.MinValue;

        /// <summary>The grid instant of a burst about to start with the next request that leaves (the default value when none).</summary>
        private DateTime burstAbout;

        /// <summary>True once -Verbose was told that bursts start on the grid, until the run leaves it (back at the whole quota before the grid).</summary>
        private bool gridSaid;

        /// <summary>A gate for this process only.</summary>
        public QuotaGate(int permitLimit, TimeSpan window)
            : this(permitLimit, window, new LocalPermitBook(window), () => DateTime.UtcNow)
        {
        }

        /// <param name="random">The adaptive limit's random numbers; a fixed sequence makes a simulated run repeatable.</param>
        internal QuotaGate(int permitLimit, TimeSpan window, IPermitBook book, Func<DateTime> clock, Func<double>? random = null)
        {
            if (permitLimit <= 0) throw new ArgumentOutOfRangeException(nameof(permitLimit));
            limit = random is null ? new AdaptiveLimit(permitLimit, window) : new AdaptiveLimit(permitLimit, window, random);
            pacer = new RequestPacer(window);
            this.book = book;
            this.clock = clock;
        }

        public event Action<string>? RateChanged;

        public int PermitLimit => limit.Maximum;

        public TimeSpan Window => limit.Window;

        /// <summary>The requests this client allows itself per window now: <see cref="PermitLimit"/> until a quota error.</summary>
        public double CurrentRate => limit.Rate;

        /// <summary>True when the permits are counted for every process of the user.</summary>
        public bool IsShared => book is SharedPermitBook;

        /// <summary>
        /// A gate whose permits every process of the user shares, through the state file in
        /// <paramref name="folder"/>. When the folder cannot be used the gate counts this process only, and
        /// says so through <paramref name="warning"/>.
        /// </summary>
        public static QuotaGate Shared(int permitLimit, TimeSpan window, string folder, string endpointAuthority, string secretId, Action<string>? warning = null)
        {
            try
            {
                QuotaStateFolder.Prepare(folder);
                string path = QuotaStateFolder.StateFile(folder, endpointAuthority, secretId);
                var book = new SharedPermitBook(path, window);
                book.Open();
                return new QuotaGate(permitLimit, window, book, () => DateTime.UtcNow);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is NotSupportedException || ex is InvalidOperationException)
            {
                warning?.Invoke($"The quota is not shared with other processes ({ex.Message}); this process keeps its own count.");
                return new QuotaGate(permitLimit, window);
            }
        }

        public async ValueTask<IQuotaPermit> WaitAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref waiting);
            try
            {
                using RateLimitLease myTurn = await turn.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
                if (!myTurn.IsAcquired) throw new InvalidOperationException("The quota gate refused a turn it should have queued.");
                while (true)
                {
                    DateTime now = clock();
                    IQuotaPermit? permit = TryEnter(now, Volatile.Read(ref waiting), out DateTime retryAt);
                    if (permit != null) return permit;
                    TimeSpan wait = retryAt - now;
                    await Task.Delay(wait > TimeSpan.FromMilliseconds(1) ? wait : TimeSpan.FromMilliseconds(1), cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                Interlocked.Decrement(ref waiting);
            }
        }

        /// <summary>
        /// The caller's input has ended: every request it will still send is waiting here or in flight. Until the
        /// result is disposed, those last requests may leave beyond the adapted permits when there is room for
        /// them (<see cref="AdaptiveLimit.RoomForLastRequests"/>).
        /// </summary>
        public IDisposable Finishing()
        {
            if (Interlocked.Increment(ref finishing) == 1) Interlocked.Exchange(ref lastRequestsSaid, 0);
            return new FinishingRun(this);
        }

        /// <summary>
        /// One look at the gate at <paramref name="now"/>, with <paramref name="waiting"/> requests waiting for it:
        /// a permit, or null and when to look again. Callers take turns (<see cref="WaitAsync"/>); the quota
        /// simulation in the tests calls it on a virtual clock.
        /// </summary>
        internal IQuotaPermit? TryEnter(DateTime now, int waiting, out DateTime retryAt)
        {
            IPermitBook current = book;
            try
            {
                // The book is asked only once the request is not held back.
                if (!HeldBack(now, out retryAt) && current.TryTake(PermitsFor(now, waiting), now, out long leaseId, out retryAt))
                {
                    pacer.Sent(now, Pace);
                    lastSent = now;
                    if (burstAbout != default)
                    {
                        limit.StartBurst(burstAbout);
                        burstAbout = default;
                    }

                    Interlocked.Increment(ref inFlight);
                    return new Permit(this, current, leaseId, now);
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                FallBackToLocal(ex);
                retryAt = now;
            }

            return null;
        }

        public void Dispose() => turn.Dispose();

        /// <summary>
        /// The adapted permits, and while runs are finishing, room for their last requests on top when all of them
        /// fit in it: a run's last few leave now instead of a window later, and the permits of a run still in
        /// full flow never grow.
        /// </summary>
        private int PermitsFor(DateTime now, int waiting)
        {
            int permits = limit.Permits;
            if (Volatile.Read(ref finishing) == 0) return permits;
            int room = limit.RoomForLastRequests(now);
            if (room == 0 || waiting > room) return permits;
            if (Interlocked.Exchange(ref lastRequestsSaid, 1) == 0)
            {
                RateChanged?.Invoke(string.Format(CultureInfo.InvariantCulture, "Quota: the last {0} request(s) of this run may leave now, up to {1} beyond the adapted rate, instead of a window later; a quota error stops that.", waiting, room));
            }

            return permits + room;
        }

        /// <summary>
        /// Requests leave at a <see cref="Pace"/> (<see cref="RequestPacer"/>) when other clients may use the
        /// key unseen: a gate that counts this process only, or any gate once the service said "over quota". Every
        /// such client bursts at that one pace, so in a burst that fills the service's window each has had the same
        /// number accepted, which is the share <see cref="AdaptiveLimit"/> cuts it to. A gate shared by every
        /// client of the key bursts freely: its count alone keeps them within the quota.
        /// </summary>
        private bool Paced => !(book is SharedPermitBook) || limit.IsAdapting;

        /// <summary>
        /// How fast paced requests leave, in requests per window: <see cref="BurstPace"/>, or once a steady stream
        /// (<see cref="AdaptiveLimit.IsSteady"/>, API 3.0's one-second window) has met other clients, its own
        /// limit's rate, so its requests spread over the window and a quota error falls on each client in
        /// proportion to its rate.
        /// </summary>
        private double Pace => SteadyAmongOthers ? limit.Rate : BurstPace * limit.Maximum;

        /// <summary>A steady stream (<see cref="AdaptiveLimit.IsSteady"/>, API 3.0's one-second window) that has met other clients on the key.</summary>
        private bool SteadyAmongOthers => limit.IsSteady && limit.IsAdapting;

        /// <summary>
        /// True while a paced request must wait (until <paramref name="retryAt"/>): while the adaptive limit holds
        /// every request (a window after the first "over quota", so that the clients that met start their next
        /// burst together), for the instant its burst starts at on the grid of UTC time (long runs), for its turn
        /// at the pacer, or for answers. A client that has not heard from the
        /// service yet sends one request, then one more per accepted answer (TCP's initial window): on a loaded
        /// machine answers take hundreds of milliseconds, and a client paced at the whole quota would otherwise
        /// have several requests out, all refused, before the first "over quota" tells it others use the key.
        /// </summary>
        private bool HeldBack(DateTime now, out DateTime retryAt)
        {
            retryAt = now;
            if (!Paced) return false;
            DateTime hold = limit.HoldUntil;
            if (hold != default && now < hold + TimerSlack)
            {
                retryAt = hold + TimerSlack;
                return true;
            }

            if (WaitsForTheGrid(now, out retryAt)) return true;
            if (!pacer.IsDue(now, out retryAt)) return true;
            if (Volatile.Read(ref inFlight) <= Volatile.Read(ref acceptedAnswers)) return false;
            retryAt = now + AnswerPoll;
            return true;
        }

        /// <summary>
        /// True while a burst waits for its instant on the grid of UTC time (<see cref="AdaptiveLimit.BurstInstant"/>),
        /// once other hosts have used the key long enough. A request that leaves more than a quarter of a window
        /// after the last one starts a burst; requests within a burst leave as before.
        /// </summary>
        private bool WaitsForTheGrid(DateTime now, out DateTime retryAt)
        {
            retryAt = now;
            burstAbout = default;
            if (!limit.IsOnGrid(now))
            {
                gridSaid = false;
                return false;
            }

            if (!gridSaid)
            {
                gridSaid = true;
                RateChanged?.Invoke(string.Format(CultureInfo.InvariantCulture, "Quota: other clients have used this key for {0} windows; each burst now starts on a grid of UTC time (every {1:0.###} s), at the same instant as theirs, so that every client gets the same share.", AdaptiveLimit.WindowsBeforeTheGrid, limit.GridPeriod.TotalSeconds));
            }

            if (now - lastSent <= TimeSpan.FromTicks(Window.Ticks / 4)) return false;
            DateTime instant = limit.BurstInstant(now);
            if (now < instant)
            {
                retryAt = instant;
                return true;
            }

            burstAbout = instant;
            return false;
        }

        /// <summary>The shared file cannot be used any more (locked for too long, deleted folder): count locally from now on.</summary>
        private void FallBackToLocal(Exception ex)
        {
            book = new LocalPermitBook(Window);
            RateChanged?.Invoke($"Quota: the shared state could not be used ({ex.Message}); this process keeps its own count from now on.");
        }

        /// <summary>
        /// When the permit of a request sent at <paramref name="sent"/> and answered at <paramref name="answered"/>
        /// comes back: a window after the answer (see the class summary). A steady stream that has met other
        /// clients (<see cref="AdaptiveLimit.IsSteady"/>) takes it back a window after the request left instead:
        /// the service frees a slot a window after each request it counted, and waiting for the answer too left
        /// that slot open for a round trip, to be taken by whichever client sent next. The client with the most
        /// requests out took most of them, and the one with the fewest had most of its requests refused, so the
        /// shares drifted apart instead of converging. It gives up the guarantee only for requests whose way to
        /// the service varies by more than the timer slack, and only while quota errors come anyway.
        /// </summary>
        private DateTime ReturnTime(DateTime sent, DateTime answered)
        {
            if (!SteadyAmongOthers) return answered + Window + TimerSlack;
            DateTime windowAfterSending = sent + Window + TimerSlack;
            return windowAfterSending > answered ? windowAfterSending : answered;
        }

        private void Answered(IPermitBook from, long leaseId, DateTime sent, bool throttled)
        {
            DateTime now = clock();
            Interlocked.Decrement(ref inFlight);
            if (!throttled && Volatile.Read(ref acceptedAnswers) < PermitLimit) Interlocked.Increment(ref acceptedAnswers);
            try
            {
                from.Return(leaseId, ReturnTime(sent, now));
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                // The lease stays in flight in the file until this process ends; then it is reclaimed.
                if (ReferenceEquals(from, book)) FallBackToLocal(ex);
            }

            if (!throttled)
            {
                if (limit.OnAccepted(now)) RateChanged?.Invoke(Describe(throttled: false));
                return;
            }

            // Only a quota error can start a pause, so only then is the pause looked at, before and after.
            DateTime heldUntil = limit.HoldUntil;
            bool changed = limit.OnThrottled(now);
            if (limit.HoldUntil != heldUntil)
            {
                RateChanged?.Invoke(string.Format(CultureInfo.InvariantCulture, "Quota: the service said 'over quota' (another client uses this key); no request for {0:0.###} s, then one burst finds this client's share.", (limit.HoldUntil - now).TotalSeconds));
                return;
            }

            if (!changed) return;

            // The cut client's next burst sends its first permits as they come back, in step with the others,
            // instead of waiting for the ones it no longer has (the service still counts those for a window).
            from.Shed(limit.Permits);
            RateChanged?.Invoke(Describe(throttled: true));
        }

        private string Describe(bool throttled)
        {
            double perWindow = limit.Rate;
            double perSecond = perWindow / Window.TotalSeconds;
            string rate = Window >= TimeSpan.FromSeconds(60)
                ? string.Format(CultureInfo.InvariantCulture, "{0:0.#} requests a minute", perSecond * 60)
                : string.Format(CultureInfo.InvariantCulture, "{0:0.#} requests a second", perSecond);
            return throttled
                ? string.Format(CultureInfo.InvariantCulture, "Quota: the service said 'over quota' (another client uses this key); rate lowered to {0} ({1:0.#} per {2:0.###} s of {3}).", rate, perWindow, Window.TotalSeconds, PermitLimit)
                : string.Format(CultureInfo.InvariantCulture, "Quota: no quota error lately; rate raised to {0} ({1:0.#} per {2:0.###} s of {3}).", rate, perWindow, Window.TotalSeconds, PermitLimit);
        }

        private sealed class FinishingRun : IDisposable
        {
            private QuotaGate? gate;

            public FinishingRun(QuotaGate gate) => this.gate = gate;

            public void Dispose()
            {
                QuotaGate? finished = Interlocked.Exchange(ref gate, null);
                if (finished != null) Interlocked.Decrement(ref finished.finishing);
            }
        }

        private sealed class Permit : IQuotaPermit
        {
            private readonly QuotaGate gate;
            private readonly IPermitBook book;
            private readonly long leaseId;
            private readonly DateTime sent;
            private int state;          // 0 out, 1 throttled, 2 handed back

            public Permit(QuotaGate gate, IPermitBook book, long leaseId, DateTime sent)
            {
                this.gate = gate;
                this.book = book;
                this.leaseId = leaseId;
                this.sent = sent;
            }

            public void Throttled() => Interlocked.CompareExchange(ref state, 1, 0);

            public void Dispose()
            {
                int previous = Interlocked.Exchange(ref state, 2);
                if (previous != 2) gate.Answered(book, leaseId, sent, throttled: previous == 1);
            }
        }
    }
}
