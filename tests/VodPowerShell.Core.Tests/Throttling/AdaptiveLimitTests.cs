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

        /// <summary>When <see cref="MetOthers"/> clients of 2 windows meet a quota error: the last window then holds 10 answers.</summary>
        private const double Cut = 1.95;

        private static DateTime At(double windows) => Start.AddTicks((long)(windows * Window.Ticks));

        /// <summary>A limit that met others at <see cref="Start"/> and was then accepted <paramref name="perWindow"/> times in each window up to <paramref name="windows"/>.</summary>
        private static AdaptiveLimit MetOthers(int maximum, double windows, int perWindow, double delay = 0)
        {
            var limit = new AdaptiveLimit(maximum, Window, () => delay);
            limit.OnThrottled(Start);
            for (int i = 0; i < windows * perWindow; i++) limit.OnAccepted(At((double)i / perWindow));
            return limit;
        }

        [Fact]
        public void StaysAtTheQuotaUntilTheFirstQuotaError()
        {
            var limit = new AdaptiveLimit(100, Window);
            for (int i = 0; i < 50; i++) Assert.False(limit.OnAccepted(At(i)));
            Assert.Equal(100, limit.Permits);
            Assert.False(limit.IsAdapting);
        }

        [Fact]
        public void TheFirstQuotaErrorRestartsFromAnEighthOfTheQuotaAndDoublesEachWindow()
        {
            var limit = new AdaptiveLimit(800, Window, () => 0);
            Assert.True(limit.OnThrottled(Start));
            Assert.Equal(100, limit.Rate);
            Assert.True(limit.IsAdapting);

            limit.OnAccepted(At(1));
            Assert.Equal(200, limit.Rate, 6);
            limit.OnAccepted(At(2));
            Assert.Equal(400, limit.Rate, 6);
            limit.OnAccepted(At(2.5));
            Assert.Equal(566, limit.Permits);       // 565.7 rounded up: the pacer spreads the fraction

            // With no further quota error it regains the whole quota and stops adapting.
            limit.OnAccepted(At(3));
            Assert.Equal(800, limit.Permits);
            Assert.False(limit.IsAdapting);
        }

        [Fact]
        public void ASmallQuotaRestartsFromOneRequestAWindow()
        {
            var limit = new AdaptiveLimit(4, Window, () => 0);
            limit.OnThrottled(Start);
            Assert.Equal(1, limit.Rate);
            limit.OnAccepted(At(1));
            Assert.Equal(2, limit.Rate, 6);
        }

        [Fact]
        public void ClientsThatMeetGrowAlikeWhateverEachHadBeforehand()
        {
            // One client had the whole quota, the other had just started: both restart at the same level.
            var incumbent = new AdaptiveLimit(20, Window, () => 0);
            var newcomer = new AdaptiveLimit(20, Window, () => 0);
            for (int i = 0; i < 20; i++) incumbent.OnAccepted(Start.AddMilliseconds(-i));
            incumbent.OnThrottled(Start);
            newcomer.OnThrottled(Start);

            foreach (double windows in new[] { 0.5, 1, 2.5 })
            {
                incumbent.OnAccepted(At(windows));
                newcomer.OnAccepted(At(windows));
                Assert.Equal(incumbent.Rate, newcomer.Rate);
            }
        }

        [Fact]
        public void ALaterQuotaErrorCutsToSevenTenthsOfWhatTheServiceAcceptedOncePerWindow()
        {
            // Slow start reached 47 a window, but the service took only 10 of them in the last window.
            var limit = MetOthers(100, windows: 2, perWindow: 10);
            Assert.InRange(limit.Rate, 45, 48);

            Assert.True(limit.OnThrottled(At(Cut)));
            Assert.Equal(7, limit.Rate, 6);

            // The other answers of the same overload arrive within the window: no second cut.
            Assert.False(limit.OnThrottled(At(Cut + 0.5)));
            Assert.Equal(7, limit.Rate, 6);
        }

        [Fact]
        public void AQuotaErrorWithNothingAcceptedInTheWindowLeavesOneRequestAWindow()
        {
            var limit = MetOthers(20, windows: 3, perWindow: 2);
            Assert.True(limit.OnThrottled(At(5)));      // the last accepted answer is more than a window old
            Assert.Equal(1, limit.Permits);
        }

        [Fact]
        public void GrowsBackAlongTheCubicCurveFlatAroundWhatWasAcceptedAndNeverPastTheQuota()
        {
            var limit = MetOthers(100, windows: 2, perWindow: 10);
            limit.OnThrottled(At(Cut));
            double k = Math.Pow(10 * (1 - AdaptiveLimit.Beta) / AdaptiveLimit.ScaleConstant, 1.0 / 3);   // windows to regain 10

            double RateAfter(double windows)
            {
                limit.OnAccepted(At(Cut + windows));
                return limit.Rate;
            }

            double early = RateAfter(1);
            double atK = RateAfter(k);
            double plateau = RateAfter(k + 1);
            double beyond = RateAfter(k + 6);
            Assert.InRange(early, 7, 10);
            Assert.Equal(10, atK, 6);
            Assert.InRange(plateau, 10, 10.1);     // flat around the level the service accepted...
            Assert.True(beyond > 13, $"{beyond} after {k + 6} windows");    // ...then probing for more
            Assert.Equal(100, RateAfter(k + 30));
            Assert.False(limit.IsAdapting);
        }

        [Fact]
        public void TheGrowthAfterACutWaitsItsRandomPartOfAWindow()
        {
            var prompt = MetOthers(100, windows: 2, perWindow: 10, delay: 0);
            var delayed = MetOthers(100, windows: 2, perWindow: 10, delay: 0.9);
            prompt.OnThrottled(At(Cut));
            delayed.OnThrottled(At(Cut));

            prompt.OnAccepted(At(Cut + 0.85));
            delayed.OnAccepted(At(Cut + 0.85));
            Assert.True(prompt.Rate > 7, $"{prompt.Rate}");
            Assert.Equal(7, delayed.Rate, 6);       // still waiting: its growth starts 0.9 windows after the cut
        }

        [Fact]
        public void TheLimitNeverFallsBelowOneRequestAWindow()
        {
            var limit = new AdaptiveLimit(2, Window, () => 0);
            for (int i = 0; i < 10; i++) limit.OnThrottled(At(i));
            Assert.Equal(1, limit.Permits);
            Assert.Equal(1, limit.Rate);
        }

        [Fact]
        public void SameConstantsFitAnyWindow()
        {
            var minute = new AdaptiveLimit(100, TimeSpan.FromMinutes(1), () => 0.5);
            var second = new AdaptiveLimit(100, TimeSpan.FromSeconds(1), () => 0.5);
            minute.OnThrottled(Start);
            second.OnThrottled(Start);
            minute.OnAccepted(Start.AddMinutes(2.5));
            second.OnAccepted(Start.AddSeconds(2.5));
            Assert.Equal(minute.Rate, second.Rate, 9);
        }
    }
}
