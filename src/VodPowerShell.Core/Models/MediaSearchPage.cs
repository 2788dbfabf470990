using System.Collections.Generic;

namespace VodPowerShell.Core.Models
{
    /// <summary>One SearchMedia answer: a page of matches and how many match in all.</summary>
    public sealed class MediaSearchPage
    {
        public MediaSearchPage(long totalCount, IReadOnlyList<VodMediaInfo> items)
        {
            TotalCount = totalCount;
            Items = items;
        }

        public long TotalCount { get; }

        public IReadOnlyList<VodMediaInfo> Items { get; }
    }
}
