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

        [Fact]
        public void ALateTimerDoesNotShiftTheGrid()
        {
            var pacer = new RequestPacer(Window);
            pacer.Sent(Start, 20);
            pacer.Sent(Start.AddMilliseconds(130), 20);     // due at 100, left 30 ms late
            Assert.False(pacer.IsDue(Start.AddMilliseconds(199), out DateTime dueAt));
            Assert.Equal(Start.AddMilliseconds(200), dueAt);
        }

        [Fact]
        public void AFractionalRateSetsTheInterval()
        {
            var pacer = new RequestPacer(Window);
            pacer.Sent(Start, 2.5);
            Assert.False(pacer.IsDue(Start.AddMilliseconds(799), out DateTime dueAt));
            Assert.Equal(Start.AddMilliseconds(800), dueAt);
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
