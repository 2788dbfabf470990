using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using VodPowerShell.Core.Api;
using VodPowerShell.Core.Errors;
using VodPowerShell.Core.Operations;
using Xunit;

namespace VodPowerShell.Core.Tests.Operations
{
    public class PagerTests
    {
        // A cursor-paged operation: the request is the cursor, the answer the items and the next cursor.
        private static readonly PagedOperation<string, (int[] Items, string? Next), int> Paged = new(
            new VodOperation<string, (int[] Items, string? Next)>("Listing", isIdempotent: true, read: (_, _) => default, v3Action: "Listing"),
            items: page => page.Items,
            nextPosition: (_, page) => page.Next,
            at: (_, cursor) => cursor);

        private static Func<string, CancellationToken, Task<ApiOutcome<(int[] Items, string? Next)>>> Serve(Dictionary<string, (int[], string?)> pages, List<string> calls) =>
            (cursor, _) =>
            {
                calls.Add(cursor);
                return Task.FromResult(ApiOutcome<(int[] Items, string? Next)>.Success(pages[cursor]));
            };

        [Fact]
        public async Task FollowsCursorsToTheEndAndMakesOneCallPerPage()
        {
            var calls = new List<string>();
            var pager = new Pager<string, (int[] Items, string? Next), int>(Paged, Serve(new() { ["a"] = (new[] { 1, 2 }, "b"), ["b"] = (new[] { 3 }, null) }, calls), "a");

            var items = new List<int>();
            while (await pager.NextPageAsync(CancellationToken.None) is { } page) items.AddRange(page.Value!);

            Assert.Equal(new[] { 1, 2, 3 }, items);
            Assert.Equal(new[] { "a", "b" }, calls);
        }

        [Fact]
        public async Task MakesNoCallUntilAskedSoAConsumerThatStopsStopsTheCalls()
        {
            var calls = new List<string>();
            var pager = new Pager<string, (int[] Items, string? Next), int>(Paged, Serve(new() { ["a"] = (new[] { 1 }, "b"), ["b"] = (new[] { 2 }, null) }, calls), "a");
            Assert.Empty(calls);

            await pager.NextPageAsync(CancellationToken.None);

            Assert.Equal(new[] { "a" }, calls);
        }

        [Fact]
        public async Task ARepeatedCursorEndsTheStreamWithAnErrorInsteadOfLooping()
        {
            var calls = new List<string>();
            var pager = new Pager<string, (int[] Items, string? Next), int>(Paged,
                Serve(new() { ["a"] = (new[] { 1 }, "b"), ["b"] = (new[] { 2 }, "c"), ["c"] = (new[] { 3 }, "b") }, calls), "a");

            var outcomes = new List<ApiOutcome<IReadOnlyList<int>>>();
            for (int i = 0; i < 10 && await pager.NextPageAsync(CancellationToken.None) is { } page; i++) outcomes.Add(page);

            Assert.Equal(new[] { "a", "b", "c" }, calls);
            Assert.Equal(4, outcomes.Count);
            Assert.Equal("RepeatedPageCursor", outcomes[3].Error!.ErrorId);
            Assert.Equal(new[] { 3 }, outcomes[2].Value);
        }

        [Fact]
        public async Task AFailedPageEndsTheStream()
        {
            int calls = 0;
            var error = new VodError("X", VodErrorCategory.InvalidResult, "boom", RetryPolicy.Never);
            var pager = new Pager<string, (int[] Items, string? Next), int>(Paged, (_, _) =>
            {
                calls++;
                return Task.FromResult(ApiOutcome<(int[] Items, string? Next)>.Failure(error));
            }, "a");

            Assert.Same(error, (await pager.NextPageAsync(CancellationToken.None))!.Error);
            Assert.Null(await pager.NextPageAsync(CancellationToken.None));
            Assert.Equal(1, calls);
        }
    }
}
