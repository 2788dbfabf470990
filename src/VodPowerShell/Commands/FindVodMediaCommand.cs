using System;
using System.Management.Automation;
using VodPowerShell.Core.Models;
using VodPowerShell.Core.Operations;

namespace VodPowerShell.Commands
{
    /// <summary>
    /// Searches the media library (API 3.0 SearchMedia), oldest first, streaming results as they page. Any number
    /// of results comes back exactly once: Core splits the search behind SearchMedia's 5,000-result window.
    /// Results bind to New-VodImageSprite by FileId; a stopped pipeline stops the service calls.
    /// </summary>
    [Cmdlet(VerbsCommon.Find, "VodMedia")]
    [OutputType(typeof(VodMediaInfo))]
    public sealed class FindVodMediaCommand : VodApiCmdlet
    {
        private static readonly string[] None = Array.Empty<string>();

        /// <summary>Fuzzy match on name and description.</summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        public string? Text { get; set; }

        /// <summary>Names that contain any of these.</summary>
        [Parameter]
        [ValidateCount(0, MediaOperations.MaxSearchListItems)]
        public string[] Name { get; set; } = None;

        [Parameter]
        [ValidateCount(0, MediaOperations.MaxSearchListItems)]
        public string[] NamePrefix { get; set; } = None;

        /// <summary>Exact ids, any number: more than SearchMedia takes at once are searched in groups of 10.</summary>
        [Parameter]
        public string[] FileId { get; set; } = None;

        /// <summary>Categories, their subcategories included.</summary>
        [Parameter]
        [ValidateCount(0, MediaOperations.MaxSearchListItems)]
        public int[] ClassId { get; set; } = Array.Empty<int>();

        [Parameter]
        [ValidateCount(0, MediaOperations.MaxSearchTags)]
        public string[] Tag { get; set; } = None;

        /// <summary>Record, Upload, VideoProcessing, …</summary>
        [Parameter]
        [ValidateCount(0, MediaOperations.MaxSearchListItems)]
        public string[] SourceType { get; set; } = None;

        [Parameter]
        [ValidateCount(0, MediaOperations.MaxSearchListItems)]
        public string[] StreamId { get; set; } = None;

        [Parameter]
        public DateTime? CreatedAfter { get; set; }

        [Parameter]
        public DateTime? CreatedBefore { get; set; }

        [Parameter]
        public DateTime? ExpiresAfter { get; set; }

        [Parameter]
        public DateTime? ExpiresBefore { get; set; }

        [Parameter]
        [ValidateCount(0, MediaOperations.MaxSearchStorageRegions)]
        public string[] StorageRegion { get; set; } = None;

        [Parameter]
        [ValidateSet("Video", "Audio", "Image")]
        public string[] Category { get; set; } = None;

        /// <summary>Containers: mp4, mov, mp3, …</summary>
        [Parameter]
        [ValidateCount(0, MediaOperations.MaxSearchListItems)]
        public string[] MediaType { get; set; } = None;

        [Parameter]
        [ValidateCount(0, MediaOperations.MaxSearchListItems)]
        public string[] Status { get; set; } = None;

        protected override void EndProcessing()
        {
            var search = Client.SearchMedia(new MediaSearchRequest
            {
                Text = Text,
                Names = Name,
                NamePrefixes = NamePrefix,
                FileIds = FileId,
                ClassIds = Array.ConvertAll(ClassId, id => (long)id),
                Tags = Tag,
                SourceTypes = SourceType,
                StreamIds = StreamId,
                StorageRegions = StorageRegion,
                Categories = Category,
                MediaTypes = MediaType,
                Statuses = Status,
                CreatedAfter = Time(CreatedAfter),
                CreatedBefore = Time(CreatedBefore),
                ExpiresAfter = Time(ExpiresAfter),
                ExpiresBefore = Time(ExpiresBefore),
            });
            while (Await(search.NextPageAsync(CancellationToken)) is { } page)
            {
                if (!page.IsSuccess)
                {
                    ThrowTerminatingError(Errors.ErrorRecordFactory.Create(page.Error!, null));
                }

                foreach (var item in page.Value!) WriteObject(item);
            }
        }

        /// <summary>A time without a kind is the user's local time, as Get-Date gives it.</summary>
        private static DateTimeOffset? Time(DateTime? time) =>
            time is DateTime value ? new DateTimeOffset(value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(value, DateTimeKind.Local) : value) : (DateTimeOffset?)null;
    }
}
