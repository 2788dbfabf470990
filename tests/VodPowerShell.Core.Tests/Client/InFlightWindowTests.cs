using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using VodPowerShell.Core.Client;
using Xunit;

namespace VodPowerShell.Core.Tests.Client
{
    public class InFlightWindowTests
    {
        private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void KeepsAtMostItsLimitRunningAndReturnsEveryResult(bool ordered)
        {
            var window = new InFlightWindow<int>(3, ordered);
            var results = new List<int>();
            int running = 0, maxRunning = 0;

            for (int i = 0; i < 12; i++)
            {
                int index = i;
                Interlocked.Increment(ref running);
                maxRunning = Math.Max(maxRunning, running);

                // Later inputs finish sooner, so completion order differs from input order.
                var operation = Task.Run(async () =>
                {
                    await Task.Delay(40 - (index % 4) * 10);
                    Interlocked.Decrement(ref running);
                    return index;
                });
                results.AddRange(window.Add(operation));
                Assert.True(window.Running < 3, $"{window.Running} operations left running after Add");
            }

            results.AddRange(window.Drain());

            Assert.Equal(0, window.Count);
            Assert.True(maxRunning <= 3, $"{maxRunning} ran at once");
            Assert.Equal(Enumerable.Range(0, 12), results.OrderBy(r => r));
            if (ordered) Assert.Equal(Enumerable.Range(0, 12), results);
        }

        [Fact]
        public async Task InInputOrderASlowFirstOperationHoldsBackResultsButNotTheOperationsAfterIt()
        {
            // A request waiting out a quota error for a second or more: the window of 3 used to fill with finished
            // results behind it, and nothing more was sent until it ended.
            var window = new InFlightWindow<int>(3, ordered: true);
            var first = new TaskCompletionSource<int>();
            var results = new List<int>();
            try
            {
                results.AddRange(window.Add(first.Task));
                Task adding = Task.Run(() =>
                {
                    for (int i = 1; i <= 20; i++) results.AddRange(window.Add(Task.FromResult(i)));
                });

                Assert.True(await Finishes(adding, Bound), "Add waited for the first operation");
                Assert.Empty(results);
                Assert.Equal(21, window.Count);
                Assert.Equal(1, window.Running);
            }
            finally
            {
                first.TrySetResult(0);
            }

            results.AddRange(window.Drain());
            Assert.Equal(Enumerable.Range(0, 21), results);
        }

        [Fact]
        public async Task InInputOrderTheFinishedResultsWaitingForAnEarlierOneAreBounded()
        {
            var window = new InFlightWindow<int>(2, ordered: true);
            var first = new TaskCompletionSource<int>();
            var results = new List<int>();
            Task adding;
            try
            {
                results.AddRange(window.Add(first.Task));
                Task filling = Task.Run(() =>
                {
                    for (int i = 1; i < 2 + InFlightWindow<int>.Backlog - 1; i++) results.AddRange(window.Add(Task.FromResult(i)));
                });
                Assert.True(await Finishes(filling, Bound), "Add waited for the first operation");
                Assert.Equal(2 + InFlightWindow<int>.Backlog - 1, window.Count);

                // One more fills the backlog: that Add waits until the first operation ends.
                adding = Task.Run(() => results.AddRange(window.Add(Task.FromResult(-1))));
                Assert.False(await Finishes(adding, TimeSpan.FromMilliseconds(200)), "Add went on with the backlog full");
            }
            finally
            {
                first.TrySetResult(0);
            }

            Assert.True(await Finishes(adding, Bound), "Add still waited after the first operation ended");
            results.AddRange(window.Drain());
            Assert.Equal(2 + InFlightWindow<int>.Backlog, results.Count);
            Assert.Equal(Enumerable.Range(0, 1 + InFlightWindow<int>.Backlog), results.Take(1 + InFlightWindow<int>.Backlog));
            Assert.Equal(-1, results[results.Count - 1]);
        }

        private static async Task<bool> Finishes(Task task, TimeSpan within) => await Task.WhenAny(task, Task.Delay(within)) == task;
    }
}
