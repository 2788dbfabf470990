using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using VodPowerShell.Core.Api;
using VodPowerShell.Core.Errors;
using VodPowerShell.Core.Models;
using VodPowerShell.Core.Operations;
using Xunit;

namespace VodPowerShell.Core.Tests.Operations
{
    public class MediaSearchTests
    {
        private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        /// <summary>SearchMedia as docs/protocol.md §6.1 has it: CreateTime then FileId ascending, After &lt;= t &lt; Before, Offset + Limit &lt;= 5,000.</summary>
        private sealed class FakeLibrary
        {
            private readonly List<VodMediaInfo> files;

            public FakeLibrary(IEnumerable<(string FileId, DateTimeOffset Created)> files) =>
                this.files = files.Select(f => new VodMediaInfo { FileId = f.FileId, CreateTime = f.Created })
                    .OrderBy(f => f.CreateTime).ThenBy(f => f.FileId, StringComparer.Ordinal).ToList();

            public List<MediaSearchRequest> Requests { get; } = new();

            public Task<ApiOutcome<MediaSearchPage>> Search(MediaSearchRequest request, CancellationToken cancellationToken)
            {
                Requests.Add(request);
                if (request.Offset + request.Limit > MediaOperations.SearchWindow)
                {
                    return Task.FromResult(ApiOutcome<MediaSearchPage>.Failure(new VodError("InvalidParameterValue.Limit", VodErrorCategory.InvalidArgument, "window", RetryPolicy.Never)));
                }

                if (request.FileIds.Count > MediaOperations.MaxSearchListItems)
                {
                    return Task.FromResult(ApiOutcome<MediaSearchPage>.Failure(new VodError("InvalidParameterValue.FileIds", VodErrorCategory.InvalidArgument, "too many", RetryPolicy.Never)));
                }

                var matches = files.Where(f => (request.FileIds.Count == 0 || request.FileIds.Contains(f.FileId)) && (request.CreatedAfter is null || f.CreateTime >= request.CreatedAfter) && (request.CreatedBefore is null || f.CreateTime < request.CreatedBefore)).ToList();
                return Task.FromResult(ApiOutcome<MediaSearchPage>.Success(new MediaSearchPage(matches.Count, matches.Skip(request.Offset).Take(request.Limit).ToList())));
            }
        }

        private static async Task<(List<string> Ids, ApiOutcome<IReadOnlyList<VodMediaInfo>>? Failure)> Drain(MediaSearch search, int maxPages = 10_000)
        {
            var ids = new List<string>();
            for (int i = 0; i < maxPages && await search.NextPageAsync(CancellationToken.None) is { } page; i++)
            {
                if (!page.IsSuccess) return (ids, page);
                ids.AddRange(page.Value!.Select(item => item.FileId));
            }

            return (ids, null);
        }

        [Fact]
        public async Task StreamsEveryResultExactlyOnceInOrderPastTheWindowEvenWhenASecondStraddlesIt()
        {
            // 12,000 files, 7 to a second, plus 900 in one second placed across the first window's end.
            var files = Enumerable.Range(0, 12_000).Select(i => ($"f{i:D6}", Start.AddSeconds(i / 7)))
                .Concat(Enumerable.Range(0, 900).Select(i => ($"g{i:D6}", Start.AddSeconds(4700 / 7)))).ToList();
            var library = new FakeLibrary(files);

            var (ids, failure) = await Drain(new MediaSearch(library.Search, new MediaSearchRequest(), pageSize: 500));

            Assert.Null(failure);
            var expected = files.OrderBy(f => f.Item2).ThenBy(f => f.Item1, StringComparer.Ordinal).Select(f => f.Item1).ToList();
            Assert.Equal(expected, ids);
            Assert.All(library.Requests, r => Assert.True(r.Offset + r.Limit <= MediaOperations.SearchWindow));
            Assert.True(library.Requests.Select(r => r.CreatedAfter).Distinct().Count() >= 3, "the search was split by CreateTime");
        }

        [Fact]
        public async Task MoreFileIdsThanOneSearchTakesBecomeGroupsOfTenAndEachFileComesOnce()
        {
            var files = Enumerable.Range(0, 30).Select(i => ($"f{i:D6}", Start.AddSeconds(30 - i))).ToList();
            var library = new FakeLibrary(files);
            // 24 distinct ids (two asked twice, one that does not exist) in the caller's order.
            var asked = Enumerable.Range(0, 23).Select(i => $"f{i:D6}").Concat(new[] { "f000003", "missing", "f000007" }).ToArray();

            var (ids, failure) = await Drain(new MediaSearch(library.Search, new MediaSearchRequest { FileIds = asked }, pageSize: 100));

            Assert.Null(failure);
            Assert.Equal(Enumerable.Range(0, 23).Select(i => $"f{i:D6}").OrderBy(id => id, StringComparer.Ordinal), ids.OrderBy(id => id, StringComparer.Ordinal));
            Assert.Equal(new[] { 10, 10, 4 }, library.Requests.Select(r => r.FileIds.Count));
            Assert.Equal(24, library.Requests.SelectMany(r => r.FileIds).Distinct().Count());
            // Within a group, oldest first: the first group's ten, f000009 created first.
            Assert.Equal("f000009", ids[0]);
        }

        [Fact]
        public async Task KeepsTheCallersFiltersAndTimeRange()
        {
            var files = Enumerable.Range(0, 6_000).Select(i => ($"f{i:D6}", Start.AddSeconds(i))).ToList();
            var library = new FakeLibrary(files);
            var filter = new MediaSearchRequest { CreatedAfter = Start.AddSeconds(100), CreatedBefore = Start.AddSeconds(5_500), Tags = new[] { "t" } };

            var (ids, _) = await Drain(new MediaSearch(library.Search, filter, pageSize: 1000));

            Assert.Equal(Enumerable.Range(100, 5_400).Select(i => $"f{i:D6}"), ids);
            Assert.All(library.Requests, r => Assert.Equal((Start.AddSeconds(5_500), "t"), (r.CreatedBefore!.Value, r.Tags.Single())));
        }

        [Fact]
        public async Task AConsumerThatTakesOnePageCausesOneCall()
        {
            var library = new FakeLibrary(Enumerable.Range(0, 6_000).Select(i => ($"f{i:D6}", Start.AddSeconds(i))));
            var search = new MediaSearch(library.Search, new MediaSearchRequest());

            var page = await search.NextPageAsync(CancellationToken.None);

            Assert.Equal(MediaSearch.DefaultPageSize, page!.Value!.Count);
            Assert.Single(library.Requests);
        }

        [Fact]
        public async Task MoreThanAWindowInOneSecondStopsWithAnErrorInsteadOfLooping()
        {
            var library = new FakeLibrary(Enumerable.Range(0, 5_200).Select(i => ($"f{i:D6}", Start)));

            var (ids, failure) = await Drain(new MediaSearch(library.Search, new MediaSearchRequest(), pageSize: 1000));

            Assert.Equal("SearchWindowFull", failure!.Error!.ErrorId);
            Assert.Equal(5_000, ids.Distinct().Count());
            Assert.True(library.Requests.Count <= 11);
        }

        [Fact]
        public async Task ASmallSearchEndsAfterItsLastPage()
        {
            var library = new FakeLibrary(Enumerable.Range(0, 250).Select(i => ($"f{i:D6}", Start.AddSeconds(i))));

            var (ids, failure) = await Drain(new MediaSearch(library.Search, new MediaSearchRequest()));

            Assert.Null(failure);
            Assert.Equal(250, ids.Count);
            Assert.Equal(new[] { 0, 100, 200 }, library.Requests.Select(r => r.Offset));
        }
    }
}
