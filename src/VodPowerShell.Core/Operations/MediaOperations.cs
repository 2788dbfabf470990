using System;
using System.Collections.Generic;
using System.Text.Json;
using VodPowerShell.Core.Models;
using VodPowerShell.Core.Protocol;
using VodPowerShell.Core.Protocol.V3;

namespace VodPowerShell.Core.Operations
{
    /// <summary>The media library's actions (API 3.0 only; docs/protocol.md §6.1–6.2), declared once.</summary>
    public static class MediaOperations
    {
        /// <summary>DescribeMediaInfos takes 1 to 20 FileIds.</summary>
        public const int MaxFileIdsPerDescribe = 20;

        /// <summary>SearchMedia's Offset + Limit may not exceed 5,000, however many files match.</summary>
        public const int SearchWindow = 5000;

        /// <summary>SearchMedia's list filters (FileIds, Names, ClassIds, …) take at most 10 items each (Tags 16, StorageRegions 20).</summary>
        public const int MaxSearchListItems = 10;

        public const int MaxSearchTags = 16;

        public const int MaxSearchStorageRegions = 20;

        /// <summary>Details of up to <see cref="MaxFileIdsPerDescribe"/> files; unknown ids come back in NotFound, not as a failure.</summary>
        public static readonly VodOperation<IReadOnlyList<string>, MediaInfoBatch> DescribeMediaInfos = new VodOperation<IReadOnlyList<string>, MediaInfoBatch>(
            "DescribeMediaInfos", isIdempotent: true,
            read: (response, context) => new MediaInfoBatch(MediaInfoJson.ReadSet(response, context), JsonRead.StringArray(response, "NotExistFileIdSet")),
            v3Action: "DescribeMediaInfos",
            writeV3: (writer, fileIds) => MediaInfoJson.WriteList(writer, "FileIds", fileIds));

        /// <summary>One page of a search, oldest first (Sort CreateTime Asc: the order <see cref="MediaSearch"/> relies on).</summary>
        public static readonly VodOperation<MediaSearchRequest, MediaSearchPage> SearchMedia = new VodOperation<MediaSearchRequest, MediaSearchPage>(
            "SearchMedia", isIdempotent: true,
            read: (response, context) => new MediaSearchPage(JsonRead.Long(response, "TotalCount") ?? 0, MediaInfoJson.ReadSet(response, context)),
            v3Action: "SearchMedia",
            writeV3: WriteSearch);

        /// <summary>SearchMedia pages by offset, inside the 5,000 window; the position is the next offset.</summary>
        public static readonly PagedOperation<MediaSearchRequest, MediaSearchPage, VodMediaInfo> SearchMediaPages = new PagedOperation<MediaSearchRequest, MediaSearchPage, VodMediaInfo>(
            SearchMedia,
            items: page => page.Items,
            nextPosition: (request, page) => OffsetPaging.Next(request.Offset, page.Items.Count, page.TotalCount, SearchWindow),
            at: (request, position) =>
            {
                int offset = OffsetPaging.Parse(position);
                return request.At(offset, Math.Min(request.Limit, SearchWindow - offset), request.CreatedAfter);
            });

        private static void WriteSearch(Utf8JsonWriter writer, MediaSearchRequest request)
        {
            if (!string.IsNullOrEmpty(request.Text)) writer.WriteString("Text", request.Text);
            MediaInfoJson.WriteList(writer, "FileIds", request.FileIds);
            MediaInfoJson.WriteList(writer, "Names", request.Names);
            MediaInfoJson.WriteList(writer, "NamePrefixes", request.NamePrefixes);
            if (request.ClassIds.Count > 0)
            {
                writer.WriteStartArray("ClassIds");
                foreach (long classId in request.ClassIds) writer.WriteNumberValue(classId);
                writer.WriteEndArray();
            }

            MediaInfoJson.WriteList(writer, "Tags", request.Tags);
            MediaInfoJson.WriteList(writer, "Categories", request.Categories);
            MediaInfoJson.WriteList(writer, "SourceTypes", request.SourceTypes);
            MediaInfoJson.WriteList(writer, "StreamIds", request.StreamIds);
            MediaInfoJson.WriteList(writer, "StorageRegions", request.StorageRegions);
            MediaInfoJson.WriteList(writer, "MediaTypes", request.MediaTypes);
            MediaInfoJson.WriteList(writer, "Status", request.Statuses);
            MediaInfoJson.WriteTimeRange(writer, "CreateTime", request.CreatedAfter, request.CreatedBefore);
            MediaInfoJson.WriteTimeRange(writer, "ExpireTime", request.ExpiresAfter, request.ExpiresBefore);
            writer.WriteStartObject("Sort");
            writer.WriteString("Field", "CreateTime");
            writer.WriteString("Order", "Asc");
            writer.WriteEndObject();
            writer.WriteNumber("Offset", request.Offset);
            writer.WriteNumber("Limit", request.Limit);
        }
    }
}
