using System;
using System.Collections.Generic;

namespace VodPowerShell.Core.Models
{
    /// <summary>
    /// SearchMedia's filters (each list matches any of its values; every filter given must match; times match
    /// After &lt;= t &lt; Before) and one page's Offset and Limit. Results come sorted by CreateTime, oldest first.
    /// </summary>
    public sealed class MediaSearchRequest
    {
        private static readonly IReadOnlyList<string> None = Array.Empty<string>();

        public string? Text { get; set; }

        public IReadOnlyList<string> Names { get; set; } = None;

        public IReadOnlyList<string> NamePrefixes { get; set; } = None;

        public IReadOnlyList<string> FileIds { get; set; } = None;

        public IReadOnlyList<long> ClassIds { get; set; } = Array.Empty<long>();

        public IReadOnlyList<string> Tags { get; set; } = None;

        public IReadOnlyList<string> SourceTypes { get; set; } = None;

        public IReadOnlyList<string> StreamIds { get; set; } = None;

        public IReadOnlyList<string> StorageRegions { get; set; } = None;

        /// <summary>Video, Audio or Image.</summary>
        public IReadOnlyList<string> Categories { get; set; } = None;

        /// <summary>Containers: mp4, mov, mp3, …</summary>
        public IReadOnlyList<string> MediaTypes { get; set; } = None;

        public IReadOnlyList<string> Statuses { get; set; } = None;

        public DateTimeOffset? CreatedAfter { get; set; }

        public DateTimeOffset? CreatedBefore { get; set; }

        public DateTimeOffset? ExpiresAfter { get; set; }

        public DateTimeOffset? ExpiresBefore { get; set; }

        public int Offset { get; set; }

        public int Limit { get; set; } = 100;

        /// <summary>The same search for other exact FileIds.</summary>
        public MediaSearchRequest ForFileIds(IReadOnlyList<string> fileIds)
        {
            var copy = (MediaSearchRequest)MemberwiseClone();
            copy.FileIds = fileIds;
            return copy;
        }

        /// <summary>The same filters at another page position.</summary>
        public MediaSearchRequest At(int offset, int limit, DateTimeOffset? createdAfter)
        {
            var copy = (MediaSearchRequest)MemberwiseClone();
            copy.Offset = offset;
            copy.Limit = limit;
            copy.CreatedAfter = createdAfter;
            return copy;
        }
    }
}
