using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using VodPowerShell.Core.Api;
using VodPowerShell.Core.Errors;
using VodPowerShell.Core.Models;

namespace VodPowerShell.Core.Operations
{
    /// <summary>
    /// Streams every match of a search exactly once, oldest first, past SearchMedia's 5,000-result window
    /// (docs/protocol.md §6.1).
    /// <para>
    /// Why exactly once: results come sorted by CreateTime ascending (seconds on the wire) and each window is
    /// paged by offset. When a window ends before the matches do, everything emitted is a prefix of that order,
    /// so every match older than the last CreateTime seen, t, was emitted; some at t may have been. The next
    /// window asks for CreateTime.After = t (After &lt;= CreateTime, so nothing at or after t is lost) and skips the
    /// ids already emitted at t, which are remembered. Nothing older than t comes back, so nothing repeats.
    /// A window that adds nothing new (more than 5,000 matches in one second) cannot advance: it ends with an
    /// error instead of a loop. Files added or deleted during a search can, as with any offset paging, shift a page.
    /// </para>
    /// <para>
    /// More exact FileIds than one SearchMedia takes (10) become one search per group of 10, one after the other, the
    /// ids made distinct first: a file has one id, so it matches one group only and still comes once. The order is
    /// then by group, and by CreateTime within a group.
    /// </para>
    /// Each <see cref="NextPageAsync"/> makes at most one call, so a consumer that stops asking stops the calls.
    /// </summary>
    public sealed class MediaSearch
    {
        public const int DefaultPageSize = 100;

        private readonly Func<MediaSearchRequest, CancellationToken, Task<ApiOutcome<MediaSearchPage>>> send;
        private readonly IReadOnlyList<MediaSearchRequest> groups;
        private int group;
        private readonly HashSet<string> emittedAtLastTime = new HashSet<string>(StringComparer.Ordinal);
        private Pager<MediaSearchRequest, MediaSearchPage, VodMediaInfo> window;
        private DateTimeOffset? lastTime;
        private long seenInWindow;
        private int freshInWindow;
        private bool finished;

        public MediaSearch(Func<MediaSearchRequest, CancellationToken, Task<ApiOutcome<MediaSearchPage>>> send, MediaSearchRequest filter, int pageSize = DefaultPageSize)
        {
            if (pageSize < 1 || pageSize > MediaOperations.SearchWindow) throw new ArgumentOutOfRangeException(nameof(pageSize));
            this.send = send ?? throw new ArgumentNullException(nameof(send));
            groups = ByFileIdGroups((filter ?? throw new ArgumentNullException(nameof(filter))).At(0, pageSize, filter.CreatedAfter));
            window = OpenWindow(Filter.CreatedAfter);
        }

        /// <summary>The search of the current group of FileIds (the whole search when there is one group).</summary>
        private MediaSearchRequest Filter => groups[group];

        /// <summary>Service calls made so far.</summary>
        public int Calls { get; private set; }

        /// <summary>The next non-empty batch of matches; a failed outcome ends the stream; null when all were given.</summary>
        public async Task<ApiOutcome<IReadOnlyList<VodMediaInfo>>?> NextPageAsync(CancellationToken cancellationToken)
        {
            while (!finished)
            {
                var page = await window.NextPageAsync(cancellationToken).ConfigureAwait(false);
                if (page is null)
                {
                    if (NextWindow(out var stuck) || (stuck is null && NextGroup())) continue;
                    return stuck;
                }

                if (!page.IsSuccess)
                {
                    finished = true;
                    return page;
                }

                var fresh = Fresh(page.Value!);
                if (fresh.Count > 0) return ApiOutcome<IReadOnlyList<VodMediaInfo>>.Success(fresh, message: null, requestId: page.RequestId, httpStatus: page.HttpStatus);
            }

            return null;
        }

        private static IReadOnlyList<MediaSearchRequest> ByFileIdGroups(MediaSearchRequest filter)
        {
            if (filter.FileIds.Count <= MediaOperations.MaxSearchListItems) return new[] { filter };
            var distinct = new List<string>(filter.FileIds.Count);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (string id in filter.FileIds)
            {
                if (seen.Add(id)) distinct.Add(id);
            }

            var groups = new List<MediaSearchRequest>();
            for (int start = 0; start < distinct.Count; start += MediaOperations.MaxSearchListItems)
            {
                groups.Add(filter.ForFileIds(distinct.GetRange(start, Math.Min(MediaOperations.MaxSearchListItems, distinct.Count - start))));
            }

            return groups;
        }

        /// <summary>Starts the next group of FileIds afresh; false after the last.</summary>
        private bool NextGroup()
        {
            if (group + 1 >= groups.Count) return false;
            group++;
            lastTime = null;
            emittedAtLastTime.Clear();
            finished = false;
            window = OpenWindow(Filter.CreatedAfter);
            return true;
        }

        private Pager<MediaSearchRequest, MediaSearchPage, VodMediaInfo> OpenWindow(DateTimeOffset? createdAfter)
        {
            seenInWindow = 0;
            freshInWindow = 0;
            return new Pager<MediaSearchRequest, MediaSearchPage, VodMediaInfo>(MediaOperations.SearchMediaPages, (request, token) =>
            {
                Calls++;
                return send(request, token);
            }, Filter.At(0, Filter.Limit, createdAfter));
        }

        private List<VodMediaInfo> Fresh(IReadOnlyList<VodMediaInfo> items)
        {
            var fresh = new List<VodMediaInfo>(items.Count);
            foreach (var item in items)
            {
                seenInWindow++;
                if (item.CreateTime == lastTime && emittedAtLastTime.Contains(item.FileId)) continue;
                if (item.CreateTime != lastTime)
                {
                    lastTime = item.CreateTime;
                    emittedAtLastTime.Clear();
                }

                emittedAtLastTime.Add(item.FileId);
                fresh.Add(item);
            }

            freshInWindow += fresh.Count;
            return fresh;
        }

        /// <summary>
        /// Opens the next window when this one stopped short of its total (the 5,000 limit). False when the
        /// search is over; <paramref name="stuck"/> then holds the error, if a window could not advance.
        /// </summary>
        private bool NextWindow(out ApiOutcome<IReadOnlyList<VodMediaInfo>>? stuck)
        {
            stuck = null;
            long total = window.LastResult?.TotalCount ?? 0;
            if (seenInWindow >= total)
            {
                finished = true;
                return false;
            }

            if (freshInWindow == 0 || lastTime is null)
            {
                finished = true;
                stuck = ApiOutcome<IReadOnlyList<VodMediaInfo>>.Failure(new VodError("SearchWindowFull", VodErrorCategory.LimitsExceeded,
                    $"SearchMedia cannot page past {MediaOperations.SearchWindow} results, and more than that many files match at {lastTime:u}. " +
                    "Narrow the search (for example -ClassId, -Tag or -Category) to see the rest.", RetryPolicy.Never));
                return false;
            }

            window = OpenWindow(lastTime);
            return true;
        }
    }
}
