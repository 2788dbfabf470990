using System;
using VodPowerShell.Core.Throttling;
using Xunit;

namespace VodPowerShell.Core.Tests.Throttling
{
    /// <summary>The pacer on a fake clock: every time is given, nothing sleeps.</summary>
    public class RequestPacerTests
    {
        private static readonly DateTime Start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        private static readonly TimeSpan Window = TimeSpan.FromSeconds(2);

        [Fact]
        public void SpreadsTheRequestsOfAWindowEvenlyOverIt()
        {
            var pacer = new RequestPacer(Window);
            DateTime now = Start;
            var sent = new System.Collections.Generic.List<DateTime>();

            // A client that always has work: each request leaves as soon as the pacer lets it.
            while (sent.Count < 40)
            {
                if (pacer.IsDue(now, out DateTime dueAt))
                {
                    pacer.Sent(now, 20);
                    sent.Add(now);
                }
                else
                {
                    Assert.True(dueAt > now);
                    now = dueAt;
                }
            }

            for (int i = 1; i < sent.Count; i++) Assert.Equal(TimeSpan.FromMilliseconds(100), sent[i] - sent[i - 1]);

            // Never more than the permits in any window, and no burst at its start.
            for (int i = 0; i + 20 < sent.Count; i++) Assert.True(sent[i + 20] - sent[i] >= Window);
        }

        [Fact]
        public void FewerPermitsMeanLongerGaps()
        {
            var pacer = new RequestPacer(Window);
            pacer.Sent(Start, 4);
            Assert.False(pacer.IsDue(Start.AddMilliseconds(499), out DateTime dueAt));
            Assert.Equal(Start.AddMilliseconds(500), dueAt);
            Assert.True(pacer.IsDue(Start.AddMilliseconds(500), out _));
        }

        [Fact]
        public void AnIdleClientGainsNoBurst()
        {
            var pacer = new RequestPacer(Window);
            pacer.Sent(Start, 20);
            DateTime later = Start.AddMinutes(5);
            Assert.True(pacer.IsDue(later, out _));
            pacer.Sent(later, 20);
            Assert.False(pacer.IsDue(later, out _));
            Assert.False(pacer.IsDue(later.AddMilliseconds(99), out _));
        }

        [Theory]
        [InlineData(20, 130, 200)]      // due at 100, left 30 ms late: a late timer does not shift the grid
        [InlineData(2.5, 800, 1600)]    // a fractional rate sets the interval: 2 s / 2.5
        public void TheNextRequestIsDueOneIntervalAfterTheLastWasDue(double perWindow, int secondSentMs, int nextDueMs)
        {
            var pacer = new RequestPacer(Window);
            pacer.Sent(Start, perWindow);
            pacer.Sent(Start.AddMilliseconds(secondSentMs), perWindow);
            Assert.False(pacer.IsDue(Start.AddMilliseconds(nextDueMs - 1), out DateTime dueAt));
            Assert.Equal(Start.AddMilliseconds(nextDueMs), dueAt);
        }

        [Fact]
        public void ARequestSentBeforeItWasDueStartsANewGrid()
        {
            // A shared gate sends unpaced until a quota error; the pacer must not run ahead of the clock meanwhile.
            var pacer = new RequestPacer(Window);
            pacer.Sent(Start, 20);
            pacer.Sent(Start.AddMilliseconds(10), 20);
            pacer.Sent(Start.AddMilliseconds(20), 20);
            Assert.True(pacer.IsDue(Start.AddMilliseconds(120), out _));
        }

        [Fact]
        public void TheFirstRequestLeavesAtOnce()
        {
            Assert.True(new RequestPacer(Window).IsDue(Start, out _));
        }
    }
}
