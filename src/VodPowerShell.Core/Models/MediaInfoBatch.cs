using System.Collections.Generic;

namespace VodPowerShell.Core.Models
{
    /// <summary>DescribeMediaInfos' answer: the files found, and the ids the service does not know.</summary>
    public sealed class MediaInfoBatch
    {
        public MediaInfoBatch(IReadOnlyList<VodMediaInfo> found, IReadOnlyList<string> notFound)
        {
            Found = found;
            NotFound = notFound;
        }

        public IReadOnlyList<VodMediaInfo> Found { get; }

        public IReadOnlyList<string> NotFound { get; }
    }
}
