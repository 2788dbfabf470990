using System;
using System.Collections.Generic;
using System.Linq;

namespace VodPowerShell.Emulator.Domain
{
    /// <summary>
    /// SearchMedia's filters: each list matches any of its values, and every given filter must match. Create and
    /// expire times match <c>After &lt;= t &lt; Before</c>. Names, Descriptions and Text match as case-insensitive substrings
    /// (the service's "fuzzy" match), NamePrefixes as ordinal prefixes.
    /// </summary>
    public sealed record MediaQuery
    {
        /// <summary>What a file that never expires reports, and how the expire-time filter sees it.</summary>
        public static readonly DateTimeOffset NeverExpires = new(9999, 12, 31, 23, 59, 59, TimeSpan.Zero);

        public IReadOnlyList<string> FileIds { get; init; } = [];
        public IReadOnlyList<string> Names { get; init; } = [];
        public IReadOnlyList<string> NamePrefixes { get; init; } = [];
        public IReadOnlyList<string> Descriptions { get; init; } = [];
        public string? Text { get; init; }
        public IReadOnlyList<long> ClassIds { get; init; } = [];
        public IReadOnlyList<string> Tags { get; init; } = [];
        public IReadOnlyList<string> Categories { get; init; } = [];
        public IReadOnlyList<string> SourceTypes { get; init; } = [];
        public IReadOnlyList<string> StreamIds { get; init; } = [];
        public IReadOnlyList<string> StorageRegions { get; init; } = [];
        public IReadOnlyList<string> MediaTypes { get; init; } = [];
        public IReadOnlyList<string> Statuses { get; init; } = [];
        public DateTimeOffset? CreatedAfter { get; init; }
        public DateTimeOffset? CreatedBefore { get; init; }
        public DateTimeOffset? ExpiresAfter { get; init; }
        public DateTimeOffset? ExpiresBefore { get; init; }
        public bool Descending { get; init; } = true;

        public bool Matches(MediaFile file)
        {
            var d = file.Details;
            return Any(FileIds, id => id == file.FileId)
                && Any(Names, n => Contains(d.Name, n))
                && Any(NamePrefixes, p => d.Name.StartsWith(p, StringComparison.Ordinal))
                && Any(Descriptions, n => Contains(d.Description, n))
                && (string.IsNullOrEmpty(Text) || Contains(d.Name, Text) || Contains(d.Description, Text))
                && Any(ClassIds, c => MediaClasses.IsWithin(d.ClassId, c))
                && Any(Tags, t => d.Tags.Contains(t))
                && Any(Categories, c => c == d.Category)
                && Any(SourceTypes, s => s == d.SourceType)
                && Any(StreamIds, s => s == d.StreamId)
                && Any(StorageRegions, r => r == d.StorageRegion)
                && Any(MediaTypes, m => string.Equals(m, d.Container, StringComparison.OrdinalIgnoreCase))
                && Any(Statuses, s => s == d.Status)
                && Within(d.CreateTime, CreatedAfter, CreatedBefore)
                && Within(d.ExpireTime ?? NeverExpires, ExpiresAfter, ExpiresBefore);
        }

        /// <summary>All matches in the query's order: CreateTime then FileId, ascending or both descending.</summary>
        public IReadOnlyList<MediaFile> Run(MediaLibrary library)
        {
            var matches = library.Listed().Where(Matches).ToList();
            if (Descending) matches.Reverse();
            return matches;
        }

        private static bool Any<T>(IReadOnlyList<T> values, Func<T, bool> match) => values.Count == 0 || values.Any(match);

        private static bool Contains(string text, string part) => text.Contains(part, StringComparison.OrdinalIgnoreCase);

        private static bool Within(DateTimeOffset time, DateTimeOffset? after, DateTimeOffset? before) =>
            (after is null || time >= after) && (before is null || time < before);
    }
}
