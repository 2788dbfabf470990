using System;
using VodPowerShell.Core.Throttling;
using Xunit;

namespace VodPowerShell.Core.Tests.Throttling
{
    /// <summary>The CUBIC limit on a fake clock: every time is given, nothing sleeps.</summary>
    public class AdaptiveLimitTests
    {
        private static readonly DateTime Start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        private static readonly TimeSpan Window = TimeSpan.FromSeconds(60);

        [Fact]
        public void StaysAtTheQuotaUntilTheFirstQuotaError()
        {
            var limit = new AdaptiveLimit(100, Window);
            for (int i = 0; i < 50; i++) Assert.False(limit.OnAccepted(Start.AddSeconds(i)));
            Assert.Equal(100, limit.Permits);
        }

        [Fact]
        public void AQuotaErrorCutsTheLimitToSevenTenthsOncePerWindow()
        {
            var limit = new AdaptiveLimit(100, Window);
            Assert.True(limit.OnThrottled(Start));
            Assert.Equal(70, limit.Permits);

            // The other answers of the same overload arrive within the window: no second cut.
            Assert.False(limit.OnThrottled(Start.AddSeconds(30)));
            Assert.Equal(70, limit.Permits);

            Assert.True(limit.OnThrottled(Start.Add(Window)));
            Assert.Equal(49, limit.Permits);
        }

        [Fact]
        public void GrowsBackAlongTheCubicCurveAndLevelsOffNearTheThrottledLimit()
        {
            var limit = new AdaptiveLimit(100, Window);
            limit.OnThrottled(Start);
            double k = Math.Pow(100 * (1 - AdaptiveLimit.Beta) / AdaptiveLimit.ScaleConstant, 1.0 / 3);   // windows to regain 100

            int Permits(double windows)
            {
                limit.OnAccepted(Start.AddMilliseconds(windows * Window.TotalMilliseconds));
                return limit.Permits;
            }

            int early = Permits(1);
            int halfway = Permits(k / 2);
            int atK = Permits(k - 0.01);
            Assert.InRange(early, 71, 99);
            Assert.True(halfway > early, $"{halfway} after {k / 2} windows, {early} after one");
            Assert.InRange(atK, 99, 100);

            // Flat around the old limit: growing from K to K+1 windows adds little...
            Assert.InRange(Permits(k + 0.5), 99, 100);
            // ...and it never passes the configured quota.
            Assert.Equal(100, Permits(k + 10));
            Assert.False(limit.OnAccepted(Start.AddDays(1)));
        }

        [Fact]
        public void AdaptsFromTheFirstQuotaErrorUntilTheQuotaIsRegained()
        {
            var limit = new AdaptiveLimit(100, Window);
            Assert.False(limit.IsAdapting);
            limit.OnThrottled(Start);
            Assert.True(limit.IsAdapting);
            limit.OnAccepted(Start.AddDays(1));
            Assert.False(limit.IsAdapting);
        }

        [Fact]
        public void TheCutStartsFromWhatTheServiceAcceptedInTheLastWindow()
        {
            var limit = new AdaptiveLimit(20, TimeSpan.FromSeconds(2));
            // Ten answers accepted long ago, then ten in the last window: only the last ten count.
            for (int i = 0; i < 10; i++) limit.OnAccepted(Start.AddMilliseconds(100 * i));
            DateTime late = Start.AddSeconds(10);
            for (int i = 0; i < 10; i++) limit.OnAccepted(late.AddMilliseconds(100 * i));

            Assert.True(limit.OnThrottled(late.AddSeconds(1)));
            Assert.Equal(7, limit.Permits);         // 0.7 x the 10 served, not 0.7 x the 20 allowed

            // The cubic curve then levels off around the 10 it was served, not 20.
            limit.OnAccepted(late.AddSeconds(1 + 2 * Math.Pow(10 * (1 - AdaptiveLimit.Beta) / AdaptiveLimit.ScaleConstant, 1.0 / 3)));
            Assert.InRange(limit.Permits, 9, 10);
        }

        [Fact]
        public void TheLimitNeverFallsBelowOnePermit()
        {
            var limit = new AdaptiveLimit(2, Window);
            for (int i = 0; i < 10; i++) limit.OnThrottled(Start.Add(TimeSpan.FromTicks(Window.Ticks * i)));
            Assert.Equal(1, limit.Permits);
        }

        [Fact]
        public void SameConstantsFitAnyWindow()
        {
            var minute = new AdaptiveLimit(100, TimeSpan.FromMinutes(1));
            var second = new AdaptiveLimit(100, TimeSpan.FromSeconds(1));
            minute.OnThrottled(Start);
            second.OnThrottled(Start);
            minute.OnAccepted(Start.AddMinutes(2));
            second.OnAccepted(Start.AddSeconds(2));
            Assert.Equal(minute.Permits, second.Permits);
        }
    }
}
