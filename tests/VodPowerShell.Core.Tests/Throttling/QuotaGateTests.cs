using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using VodPowerShell.Core.Client;
using VodPowerShell.Core.Throttling;
using Xunit;

namespace VodPowerShell.Core.Tests.Throttling
{
    public class QuotaGateTests
    {
        [Fact]
        public async Task NoWindowOfTheQuotaLengthEverHoldsMoreThanThePermitLimit()
        {
            using var gate = new QuotaGate(5, TimeSpan.FromMilliseconds(400));
            var times = new List<TimeSpan>();
            var clock = Stopwatch.StartNew();

            for (int i = 0; i < 15; i++)
            {
                using (await gate.WaitAsync(CancellationToken.None))
                {
                    times.Add(clock.Elapsed);
                }
            }

            // Sliding check over every request: the five after it all come at least one window later.
            for (int i = 0; i + 5 < times.Count; i++)
            {
                Assert.True(times[i + 5] - times[i] >= TimeSpan.FromMilliseconds(400), $"requests {i} and {i + 5} were {(times[i + 5] - times[i]).TotalMilliseconds} ms apart");
            }
        }

        [Fact]
        public async Task APermitComesBackAWindowAfterItsAnswerNotAfterItsRequest()
        {
            using var gate = new QuotaGate(1, TimeSpan.FromMilliseconds(300));
            var clock = Stopwatch.StartNew();

            var first = await gate.WaitAsync(CancellationToken.None);
            await Task.Delay(200);           // a slow answer: the service may have counted the request just now
            TimeSpan answered = clock.Elapsed;
            first.Dispose();
            using (await gate.WaitAsync(CancellationToken.None))
            {
                Assert.True(clock.Elapsed - answered >= TimeSpan.FromMilliseconds(290), $"the next request left {(clock.Elapsed - answered).TotalMilliseconds} ms after the answer");
            }
        }

        [Fact]
        public async Task TheFirstQuotaErrorHoldsEveryRequestForAWindowThenTheNextCutsToTheShareAndSaysSo()
        {
            var window = TimeSpan.FromSeconds(60);
            DateTime start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), now = start;
            using var gate = new QuotaGate(80, window, new LocalPermitBook(window), () => now);
            var lines = new List<string>();
            gate.RateChanged += lines.Add;

            using (var permit = await gate.WaitAsync(CancellationToken.None)) permit.Throttled();
            Assert.Equal(80, gate.CurrentRate);
            Assert.Contains("no request for 60 s, then one burst finds this client's share", Assert.Single(lines));

            // Others use the key, how many is unknown: nothing leaves for a window, so all that met start together.
            now = start.AddSeconds(59.9);
            Task<IQuotaPermit> held = gate.WaitAsync(CancellationToken.None).AsTask();
            await Task.Delay(50);
            Assert.False(held.IsCompleted, "a request left within the window after the first quota error");
            now = start.AddSeconds(60.1);
            (await held).Dispose();

            // The burst: 9 more accepted, then "over quota": the service's window is full with 10 of this client's.
            for (int i = 1; i < 10; i++)
            {
                now = now.AddSeconds(1);
                (await gate.WaitAsync(CancellationToken.None)).Dispose();
            }

            now = now.AddSeconds(1);
            using (var permit = await gate.WaitAsync(CancellationToken.None)) permit.Throttled();
            Assert.Equal(10, gate.CurrentRate);
            Assert.Contains("rate lowered to 10 requests a minute (10 per 60 s of 80)", lines[1]);
        }

        [Fact]
        public async Task AfterACutTheNextBurstStartsWhenTheOldestPermitComesBack()
        {
            // Cut from 80 to the 10 the service accepted: the 11th permit, refused, is forgotten, so the next burst
            // starts in step with the other clients' instead of a request later.
            var window = TimeSpan.FromSeconds(60);
            DateTime start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), now = start;
            using var gate = new QuotaGate(80, window, new LocalPermitBook(window), () => now);
            using (var permit = await gate.WaitAsync(CancellationToken.None)) permit.Throttled();
            now = start.AddSeconds(61);
            DateTime firstAnswer = now;
            for (int i = 0; i < 10; i++)
            {
                (await gate.WaitAsync(CancellationToken.None)).Dispose();
                now = now.AddSeconds(1);
            }

            using (var permit = await gate.WaitAsync(CancellationToken.None)) permit.Throttled();
            Assert.Equal(10, gate.CurrentRate);

            now = firstAnswer + window + TimeSpan.FromMilliseconds(100);     // the first permit is back, the second is not
            Task<IQuotaPermit> next = gate.WaitAsync(CancellationToken.None).AsTask();
            Assert.Same(next, await Task.WhenAny(next, Task.Delay(TimeSpan.FromSeconds(5))));
            (await next).Dispose();
        }

        [Fact]
        public void AFinishingRunsLastRequestsLeaveBeyondTheAdaptedPermitsWhenAllOfThemFit()
        {
            // Cut to 10 of 80 a minute, then a window with no quota error: 10 permits, and 5 more for the last requests.
            DateTime now = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            var lines = new List<string>();
            using QuotaGate gate = FakeClockGate(80, TimeSpan.FromSeconds(60), () => now, lines);
            Answer(Take(ref now), throttled: true);
            now = now.AddSeconds(60);
            for (int i = 0; i < 10; i++) Answer(Take(ref now), throttled: false);
            Answer(Take(ref now), throttled: true);
            Assert.Equal(10, gate.CurrentRate);

            now = now.AddSeconds(70);                                      // every permit back, no error for a window
            for (int i = 0; i < 10; i++) Answer(Take(ref now), throttled: false);
            Assert.Null(Enter(gate, now.AddSeconds(1), waiting: 3));       // a run in full flow keeps its permits

            using (gate.Finishing())
            {
                Assert.Null(Enter(gate, now.AddSeconds(1), waiting: 6));   // more are left than the room: they wait
                for (int waiting = 5; waiting > 0; waiting--) Answer(Take(ref now, waiting), throttled: false);
                Assert.Null(Enter(gate, now.AddSeconds(1), waiting: 1));
            }

            Assert.Contains("the last 5 request(s) of this run may leave now, up to 5 beyond the adapted rate", Assert.Single(lines, line => line.Contains("last")));

            IQuotaPermit Take(ref DateTime at, int waiting = 1)
            {
                at = at.AddSeconds(1);                                     // past the pacer's half second
                return Enter(gate, at, waiting) ?? throw new Xunit.Sdk.XunitException($"no permit at {at:HH:mm:ss} with {waiting} waiting");
            }
        }

        [Fact]
        public void TenWindowsAfterTheFirstQuotaErrorABurstWaitsForItsGridInstantAndSaysSoOnce()
        {
            // Cut to 10 of 20 per 10 s by another host, long ago: a burst now starts at an instant of the grid.
            var window = TimeSpan.FromSeconds(10);
            DateTime now = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            var lines = new List<string>();
            using QuotaGate gate = FakeClockGate(20, window, () => now, lines);
            Answer(Enter(gate, now, 1)!, throttled: true);
            now = now.AddSeconds(10.1);
            for (int i = 0; i < 10; i++)
            {
                Answer(Enter(gate, now, 1)!, throttled: false);
                now = now.AddSeconds(0.5);
            }

            Answer(Enter(gate, now, 1)!, throttled: true);
            Assert.Equal(10, gate.CurrentRate);

            long period = TimeSpan.FromSeconds(10.25).Ticks;
            var instant = new DateTime((((now.Ticks + (window.Ticks * 10)) / period) + 1) * period, DateTimeKind.Utc);
            Assert.Null(gate.TryEnter(instant.AddSeconds(-5), 1, out DateTime retryAt));       // between bursts: the instant
            Assert.Equal(instant, retryAt);
            Assert.Null(gate.TryEnter(instant.AddSeconds(0.6), 1, out retryAt));              // missed it: the next one
            Assert.Equal(instant.AddTicks(period), retryAt);

            now = instant.AddTicks(period);
            Answer(Enter(gate, now, 1)!, throttled: false);
            now = now.AddSeconds(0.5);
            Assert.NotNull(Enter(gate, now, 1));                                              // within the burst: no wait
            Assert.Contains("each burst now starts on a grid of UTC time (every 10.25 s)", Assert.Single(lines, line => line.Contains("grid")));
        }

        [Fact]
        public void AtAOneSecondWindowAClientThatMetOthersLeavesAtItsOwnRateAndTakesPermitsBackAWindowAfterSending()
        {
            DateTime start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            DateTime now = start;
            using QuotaGate gate = FakeClockGate(100, TimeSpan.FromSeconds(1), () => now, new List<string>());
            for (int i = 0; i < 20; i++)
            {
                now = start.AddSeconds(-5 + (0.01 * i));                      // heard from the service: more than one request may be out
                Answer(Enter(gate, now, 1)!, throttled: false);
            }

            now = start;
            Answer(Enter(gate, now, 1)!, throttled: true);                  // another client: a window's pause

            // Twenty requests 10 ms apart (the whole quota's own pace while it finds its share), answered 300 ms later.
            var out20 = new List<IQuotaPermit>();
            for (int i = 0; i < 20; i++)
            {
                now = start.AddMilliseconds(1050 + (10 * i));
                out20.Add(Enter(gate, now, 1) ?? throw new Xunit.Sdk.XunitException($"no permit at {i}"));
            }

            now = start.AddMilliseconds(1550);
            foreach (IQuotaPermit permit in out20) Answer(permit, throttled: false);
            now = start.AddMilliseconds(1560);
            IQuotaPermit refused = Enter(gate, now, 1)!;
            now = start.AddMilliseconds(1570);
            Answer(refused, throttled: true);
            Assert.Equal(16, gate.CurrentRate, 9);                           // 0.8 of the 20 accepted

            // The oldest permit comes back a window (and the 20 ms slack) after its request left, not after its answer.
            Assert.Null(gate.TryEnter(start.AddMilliseconds(1580), 1, out DateTime retryAt));
            Assert.Equal(start.AddMilliseconds(1050 + 1000 + 20), retryAt);

            // Then requests leave at the client's own 16 a second, not at a burst's 150.
            now = retryAt;
            Assert.NotNull(Enter(gate, now, 1));
            Assert.Null(gate.TryEnter(now, 1, out retryAt));
            Assert.Equal(now.AddTicks(TimeSpan.FromSeconds(1).Ticks / 16), retryAt);
        }

        /// <summary>A gate on the clock <paramref name="now"/> reads, a fixed "random" part, and its -Verbose lines in <paramref name="lines"/>.</summary>
        private static QuotaGate FakeClockGate(int permits, TimeSpan window, Func<DateTime> now, List<string> lines)
        {
            var gate = new QuotaGate(permits, window, new LocalPermitBook(window), now, () => 0);
            gate.RateChanged += lines.Add;
            return gate;
        }

        private static IQuotaPermit? Enter(QuotaGate gate, DateTime now, int waiting) => gate.TryEnter(now, waiting, out _);

        private static void Answer(IQuotaPermit permit, bool throttled)
        {
            if (throttled) permit.Throttled();
            permit.Dispose();
        }

        [Fact]
        public async Task UntilAnswersComeBackOneMoreRequestGoesOutPerAcceptedAnswer()
        {
            // A fake clock far enough along that the pacer never holds a request: only the answers do.
            var window = TimeSpan.FromSeconds(60);
            DateTime now = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            using var gate = new QuotaGate(10, window, new LocalPermitBook(window), () => now);

            IQuotaPermit first = await gate.WaitAsync(CancellationToken.None);
            now = now.AddSeconds(10);
            Task<IQuotaPermit> second = gate.WaitAsync(CancellationToken.None).AsTask();
            await Task.Delay(100);
            Assert.False(second.IsCompleted, "a second request went out before the first was answered");

            first.Dispose();                            // accepted: now two may be out
            IQuotaPermit secondPermit = await second;
            now = now.AddSeconds(10);
            using (await gate.WaitAsync(CancellationToken.None))
            {
                secondPermit.Dispose();
            }
        }

        [Fact]
        public void GatesAreSharedPerEndpointKeyAndQuota()
        {
            Func<string, string?> noSharing = name => name == QuotaStateFolder.SharingVariable ? "off" : null;
            var a = QuotaGates.For("host:1", "AKID1", 100, TimeSpan.FromMinutes(1), noSharing);
            Assert.Same(a, QuotaGates.For("host:1", "AKID1", 100, TimeSpan.FromMinutes(1), noSharing));
            Assert.NotSame(a, QuotaGates.For("host:1", "AKID2", 100, TimeSpan.FromMinutes(1), noSharing));
            Assert.NotSame(a, QuotaGates.For("host:2", "AKID1", 100, TimeSpan.FromMinutes(1), noSharing));
            Assert.Null(QuotaGates.For("host:1", "AKID1", 0, TimeSpan.FromMinutes(1), noSharing));
            Assert.False(a!.IsShared);
        }
    }
}
