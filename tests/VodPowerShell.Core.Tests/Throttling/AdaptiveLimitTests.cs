using System;
using VodPowerShell.Core.Throttling;
using Xunit;

namespace VodPowerShell.Core.Tests.Throttling
{
    /// <summary>The adaptive limit on a fake clock and a fixed "random" delay: every time is given, nothing sleeps.</summary>
    public class AdaptiveLimitTests
    {
        private static readonly DateTime Start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        private static readonly TimeSpan Window = TimeSpan.FromSeconds(60);

        private static DateTime At(double windows) => Start.AddTicks((long)(windows * Window.Ticks));

        /// <summary>
        /// A limit that met others at <see cref="Start"/>, paused a window, then had <paramref name="accepted"/>
        /// answers accepted in the burst that followed, until a quota error at 1.2 windows cut it to its share.
        /// </summary>
        private static AdaptiveLimit CutToShare(int maximum, int accepted, double delay = 0)
        {
            var limit = new AdaptiveLimit(maximum, Window, () => delay);
            limit.OnThrottled(Start);
            for (int i = 0; i < accepted; i++) limit.OnAccepted(At(1 + 0.1 * i / accepted));
            limit.OnThrottled(At(1.2));
            return limit;
        }

        [Fact]
        public void StaysAtTheQuotaUntilTheFirstQuotaError()
        {
            var limit = new AdaptiveLimit(100, Window);
            for (int i = 0; i < 50; i++) Assert.False(limit.OnAccepted(At(i)));
            Assert.Equal(100, limit.Permits);
            Assert.False(limit.IsAdapting);
            Assert.Equal(default, limit.HoldUntil);
        }

        [Fact]
        public void TheFirstQuotaErrorHoldsEveryRequestForAWindowAndKeepsTheWholeQuota()
        {
            var limit = new AdaptiveLimit(100, Window, () => 0);
            for (int i = 0; i < 30; i++) limit.OnAccepted(Start.AddSeconds(-10 + 0.1 * i));

            Assert.False(limit.OnThrottled(Start));      // the permits stay: the next burst finds the share
            Assert.Equal(100, limit.Permits);
            Assert.True(limit.IsAdapting);
            Assert.Equal(At(1), limit.HoldUntil);

            // The other answers of the same overload, and the accepted answers still coming in, change nothing.
            Assert.False(limit.OnThrottled(At(0.1)));
            Assert.False(limit.OnAccepted(At(0.2)));
            Assert.Equal(100, limit.Permits);
            Assert.Equal(At(1), limit.HoldUntil);
        }

        [Fact]
        public void TheFirstErrorOfTheNextBurstCutsToWhatTheServiceAcceptedInTheWindowOncePerWindow()
        {
            var limit = CutToShare(100, accepted: 17);
            Assert.Equal(17, limit.Permits);
            Assert.Equal(17, limit.Rate, 6);

            // The other refusals of the same burst arrive within the window: no second cut.
            Assert.False(limit.OnThrottled(At(1.5)));
            Assert.Equal(17, limit.Permits);
        }

        [Fact]
        public void ACutNeverRaisesTheLimit()
        {
            // Cut to 17, then 30 answers accepted within a window (permits of the last burst coming in late):
            // the next quota error leaves it where it was, not at 30.
            var limit = CutToShare(100, accepted: 17);
            for (int i = 0; i < 30; i++) limit.OnAccepted(At(2.3 + 0.01 * i));
            Assert.True(limit.Rate < 18);
            limit.OnThrottled(At(2.7));
            Assert.True(limit.Permits <= 17, $"{limit.Permits}");
        }

        [Fact]
        public void GrowsAlongTheCubicCurveFromItsShareAndNeverPastTheQuota()
        {
            var limit = CutToShare(100, accepted: 17);

            double RateAfter(double windows)
            {
                limit.OnAccepted(At(1.2 + windows));
                return limit.Rate;
            }

            Assert.Equal(17 + AdaptiveLimit.ScaleConstant, RateAfter(1), 6);    // one step past the share costs a refusal: slowly
            Assert.Equal(17, limit.Permits);
            Assert.Equal(18, (int)RateAfter(3.7));
            Assert.True(RateAfter(12) > 50, "a host that the others left alone takes the room");
            Assert.Equal(100, RateAfter(30));
            Assert.Equal(100, RateAfter(40));
        }

        [Fact]
        public void ARaiseTheServiceAcceptedForAWholeWindowGrowsTheLimitByHalfEachWindowFromThere()
        {
            // The others finished: the first step past the share (3.7 windows after the cut) met no quota error.
            var limit = CutToShare(100, accepted: 17);
            limit.OnAccepted(At(1.2 + 3.7));
            Assert.Equal(18, limit.Permits);

            // A window and a bit later the cubic curve is at 19.2; from there the limit grows by half each window
            // (the cubic curve would be at 20.9 and 23.3).
            limit.OnAccepted(At(1.2 + 4.8));
            Assert.Equal(19, limit.Permits);
            limit.OnAccepted(At(1.2 + 5.8));
            Assert.Equal(28, limit.Permits);
            limit.OnAccepted(At(1.2 + 6.8));
            Assert.Equal(43, limit.Permits);
        }

        [Fact]
        public void ARaiseTheServiceRefusedKeepsTheCubicCurve()
        {
            var limit = CutToShare(100, accepted: 17);
            limit.OnAccepted(At(1.2 + 3.7));
            Assert.Equal(18, limit.Permits);

            // The window was full: the 18 accepted in it stay, the step past them is refused.
            for (int i = 0; i < 17; i++) limit.OnAccepted(At(4.95 + 0.01 * i));
            limit.OnThrottled(At(5.2));
            Assert.Equal(18, limit.Permits);

            limit.OnAccepted(At(6.3));
            limit.OnAccepted(At(7.3));
            Assert.InRange(limit.Rate, 18, 18.2);
        }

        [Fact]
        public void TheGrowthAfterACutWaitsItsRandomPartOfAWindow()
        {
            var prompt = CutToShare(100, accepted: 17, delay: 0);
            var delayed = CutToShare(100, accepted: 17, delay: 0.9);

            prompt.OnAccepted(At(1.2 + 0.85));
            delayed.OnAccepted(At(1.2 + 0.85));
            Assert.True(prompt.Rate > 17, $"{prompt.Rate}");
            Assert.Equal(17, delayed.Rate, 6);       // still waiting: its growth starts 0.9 windows after the cut
        }

        [Fact]
        public void ACutBelowATenthOfTheQuotaDoublesEachWindow()
        {
            // A host that joined clients already in step found room for 4 in the window.
            var limit = CutToShare(100, accepted: 4);
            Assert.Equal(4, limit.Permits);

            limit.OnAccepted(At(2.2));
            Assert.Equal(8, limit.Rate, 6);
            limit.OnAccepted(At(3.2));
            Assert.Equal(16, limit.Rate, 6);

            // The next quota error cuts it to what it got in the window (these 12 and the answer at 3.2); above
            // a tenth it then grows along the cubic curve.
            for (int i = 0; i < 12; i++) limit.OnAccepted(At(3.3 + 0.01 * i));
            limit.OnThrottled(At(3.5));
            Assert.Equal(13, limit.Permits);
            limit.OnAccepted(At(4.5));
            Assert.InRange(limit.Rate, 13, 13.1);
        }

        [Fact]
        public void WithNothingAcceptedInTheWindowItTriesAgainAWindowAndARandomPartOfOneLaterWithTheWholeQuota()
        {
            // Its requests reached the service while others' bursts kept the window full: it tries another moment.
            var limit = CutToShare(100, accepted: 0, delay: 0.25);
            Assert.Equal(100, limit.Permits);
            Assert.True(limit.IsAdapting);
            Assert.Equal(At(1.2 + 1.25), limit.HoldUntil);

            // This time its burst lands in theirs: the first refusal cuts it to what it got there.
            for (int i = 0; i < 20; i++) limit.OnAccepted(At(2.5 + 0.001 * i));
            Assert.Equal(100, limit.Permits);
            Assert.True(limit.OnThrottled(At(2.6)));
            Assert.Equal(20, limit.Permits);
        }

        [Fact]
        public void TenWindowsAfterTheFirstQuotaErrorBurstsStartOnTheGridAndACutIsToWhatTheBurstGot()
        {
            var limit = CutToShare(100, accepted: 40);                     // the first quota error came at Start
            Assert.False(limit.IsOnGrid(At(9.9)));
            Assert.True(limit.IsOnGrid(At(10)));

            // The window holds 40 of the last burst and 25 of this one, which began at a grid instant with every
            // other host's: the refusal says the window filled while this host had 25 of the burst.
            DateTime instant = limit.BurstInstant(At(11));
            for (int i = 0; i < 40; i++) limit.OnAccepted(instant.AddSeconds(-50 + (0.1 * i)));
            limit.StartBurst(instant);
            for (int i = 0; i < 25; i++) limit.OnAccepted(instant.AddSeconds(0.1 * (i + 1)));
            limit.OnThrottled(instant.AddSeconds(3));
            Assert.Equal(25, limit.Permits);

            // A refusal before any burst on the grid (the run just moved to it) is cut as off the grid.
            var justMoved = CutToShare(100, accepted: 40);
            for (int i = 0; i < 30; i++) justMoved.OnAccepted(At(10.5 + (0.01 * i)));
            justMoved.OnThrottled(At(10.8));
            Assert.Equal(30, justMoved.Permits);
        }

        [Fact]
        public void ABurstStartsAtTheGridInstantJustPastOrWaitsForTheNext()
        {
            var limit = new AdaptiveLimit(100, Window);
            Assert.Equal(TimeSpan.FromSeconds(61.5), limit.GridPeriod);    // the window and a fortieth of it
            long period = limit.GridPeriod.Ticks;
            var instant = new DateTime(((Start.Ticks / period) + 1) * period, DateTimeKind.Utc);   // the first instant after Start

            Assert.Equal(instant, limit.BurstInstant(instant));
            Assert.Equal(instant, limit.BurstInstant(instant.AddSeconds(2.9)));          // permits a little late: still this instant
            Assert.Equal(instant + limit.GridPeriod, limit.BurstInstant(instant.AddSeconds(3.1)));
            Assert.Equal(instant, limit.BurstInstant(instant.AddSeconds(-0.1)));                     // just before one: waits for it
        }

        [Fact]
        public void AWindowShorterThanTenSecondsUsesNoGrid()
        {
            var shortWindow = new AdaptiveLimit(100, TimeSpan.FromSeconds(2), () => 0);
            shortWindow.OnThrottled(Start);
            Assert.True(shortWindow.IsAdapting);
            Assert.False(shortWindow.IsOnGrid(Start.AddMinutes(10)));
        }

        [Fact]
        public void ALimitBackAtTheQuotaOffTheGridStartsAgainButOnTheGridStaysOnIt()
        {
            // Before the grid, growing back to the whole quota means alone again: the next quota error is a first one.
            var early = CutToShare(100, accepted: 40);
            for (int i = 0; i < 200 && early.IsAdapting; i++) early.OnAccepted(At(1.5 + (0.04 * i)));
            Assert.False(early.IsAdapting);
            Assert.False(early.IsOnGrid(At(40)));
            early.OnThrottled(At(40));
            Assert.Equal(At(41), early.HoldUntil);
            Assert.False(early.IsOnGrid(At(49)));

            // On the grid it stays there, and its next quota error is a cut to what its burst got, with no pause.
            var limit = CutToShare(100, accepted: 40);
            Assert.True(limit.IsOnGrid(At(12)));
            for (int i = 0; i < 200 && limit.Permits < 100; i++) limit.OnAccepted(At(12 + (0.1 * i)));
            Assert.Equal(100, limit.Permits);
            Assert.True(limit.IsAdapting);
            Assert.True(limit.IsOnGrid(At(40)));
            Assert.Equal(0, limit.RoomForLastRequests(At(40)));       // the service takes no more than the quota from one client
            DateTime instant = limit.BurstInstant(At(40));
            limit.StartBurst(instant);
            for (int i = 0; i < 50; i++) limit.OnAccepted(instant.AddSeconds(0.1 * (i + 1)));
            Assert.True(limit.OnThrottled(instant.AddSeconds(6)));
            Assert.Equal(50, limit.Permits);
            Assert.Equal(At(1), limit.HoldUntil);
            Assert.True(limit.IsOnGrid(instant.AddSeconds(6)));
        }

        [Fact]
        public void WithNothingAcceptedOnTheGridItTriesAgainAtTheGridInstantAWindowLater()
        {
            var limit = CutToShare(100, accepted: 40, delay: 0.25);
            DateTime refused = At(12.3);
            Assert.True(limit.OnThrottled(refused));
            Assert.Equal(100, limit.Permits);
            Assert.Equal(limit.BurstInstant(refused + Window), limit.HoldUntil);
        }

        [Fact]
        public void ARunsLastRequestsGetHalfThePermitsOnTopOnlyAWindowAfterTheLastQuotaError()
        {
            var alone = new AdaptiveLimit(100, Window, () => 0);
            Assert.Equal(0, alone.RoomForLastRequests(At(5)));        // no other client seen: the quota is the quota

            var aligning = new AdaptiveLimit(100, Window, () => 0);
            aligning.OnThrottled(Start);
            Assert.Equal(0, aligning.RoomForLastRequests(At(1.5)));   // still looking for its share

            var limit = CutToShare(100, accepted: 17);                // cut at 1.2 windows
            Assert.Equal(0, limit.RoomForLastRequests(At(2.1)));
            Assert.Equal(9, limit.RoomForLastRequests(At(2.2)));      // 17 / 2, rounded up

            limit.OnAccepted(At(5));
            limit.OnThrottled(At(5.1));                                // a quota error: none for a window
            Assert.Equal(0, limit.RoomForLastRequests(At(5.5)));
            Assert.True(limit.RoomForLastRequests(At(6.1)) > 0);
        }

        [Fact]
        public void TheLimitNeverFallsBelowOneRequestAWindow()
        {
            var limit = new AdaptiveLimit(2, Window, () => 0);
            limit.OnThrottled(At(0));
            for (int i = 1; i < 10; i++)
            {
                limit.OnAccepted(At(i + 0.5));
                limit.OnThrottled(At(i + 0.6));
            }

            Assert.Equal(1, limit.Permits);
            Assert.Equal(1, limit.Rate);
        }

        [Fact]
        public void PermitsAreTheRateRoundedDown()
        {
            var limit = CutToShare(100, accepted: 17);
            limit.OnAccepted(At(1.2 + 3.5));        // 17 + 0.02 * 3.5^3 = 17.86
            Assert.InRange(limit.Rate, 17.8, 17.9);
            Assert.Equal(17, limit.Permits);        // a burst cannot send a fraction; rounding up would overshoot every window
        }

        [Fact]
        public void SameConstantsFitAnyWindowOfBursts()
        {
            var minute = new AdaptiveLimit(100, TimeSpan.FromMinutes(1), () => 0.5);
            var twoSeconds = new AdaptiveLimit(100, TimeSpan.FromSeconds(2), () => 0.5);
            foreach (var (limit, unit) in new[] { (minute, TimeSpan.FromMinutes(1)), (twoSeconds, TimeSpan.FromSeconds(2)) })
            {
                limit.OnThrottled(Start);
                for (int i = 0; i < 20; i++) limit.OnAccepted(Start + TimeSpan.FromTicks(unit.Ticks * (100 + i) / 100));
                limit.OnThrottled(Start + TimeSpan.FromTicks(unit.Ticks * 13 / 10));
                limit.OnAccepted(Start + TimeSpan.FromTicks(unit.Ticks * 6));
            }

            Assert.Equal(minute.Rate, twoSeconds.Rate, 9);
            Assert.Equal(TimeSpan.FromMinutes(1), minute.HoldUntil - Start);
            Assert.Equal(TimeSpan.FromSeconds(2), twoSeconds.HoldUntil - Start);
        }

        [Fact]
        public void AtAOneSecondWindowACutIsCubicsToFourFifthsOfTheAcceptedRateAndGrowsBackAlongItsCurve()
        {
            var second = TimeSpan.FromSeconds(1);
            DateTime S(double windows) => Start.AddTicks((long)(windows * second.Ticks));
            Assert.False(new AdaptiveLimit(100, TimeSpan.FromSeconds(1.2)).IsSteady);
            var limit = new AdaptiveLimit(100, second, () => 0.5);
            Assert.True(limit.IsSteady);

            limit.OnThrottled(S(0));                                      // others met: a window's pause, as with bursts
            Assert.Equal(S(1), limit.HoldUntil);
            for (int i = 0; i < 40; i++) limit.OnAccepted(S(1 + (0.02 * i)));
            Assert.True(limit.OnThrottled(S(1.9)));
            Assert.Equal(32, limit.Rate, 9);                              // 0.8 of the 40 accepted in the window
            Assert.False(limit.OnThrottled(S(2.0)));                      // once per window

            // Back at 40 after cbrt(40 * 0.2 / 0.4) = 2.71 windows, concave before, convex after; a raise that met
            // no error for a window does not switch to growing by half each window, as bursts do.
            double regain = Math.Pow(20, 1.0 / 3);
            limit.OnAccepted(S(1.9 + 1));
            Assert.Equal(40 + (0.4 * Math.Pow(1 - regain, 3)), limit.Rate, 6);
            limit.OnAccepted(S(1.9 + regain));
            Assert.Equal(40, limit.Rate, 6);
            limit.OnAccepted(S(1.9 + regain + 2));
            Assert.Equal(40 + (0.4 * 8), limit.Rate, 6);
        }
    }
}
