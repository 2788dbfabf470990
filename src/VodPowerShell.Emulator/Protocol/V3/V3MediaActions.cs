using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using VodPowerShell.Emulator.Domain;

namespace VodPowerShell.Emulator.Protocol.V3
{
    /// <summary>
    /// SearchMedia and DescribeMediaInfos over the media library (see docs/protocol.md). Search pages are
    /// Offset/Limit windows of one stable order, CreateTime then FileId; like the service, a window may not
    /// reach past the 5,000th result, whatever the total.
    /// </summary>
    public sealed class V3MediaActions
    {
        /// <summary>"Offset + Limit" may not pass 5,000: the service's limit on what one search can page through.</summary>
        public const int MaxSearchWindow = 5000;
        public const int DefaultSearchLimit = 10;

        /// <summary>The documented length limit of SearchMedia's lists.</summary>
        public const int MaxFilterItems = 10;

        public const int MaxMediaInfoFileIds = 20;

        public const string LimitCode = V3ErrorCodes.InvalidLimit;
        public const string OffsetCode = "InvalidParameterValue.Offset";
        public const string SortCode = "InvalidParameterValue.Sort";
        public const string FileIdsEmptyCode = "InvalidParameterValue.FileIdsEmpty";
        public const string FileIdsTooManyCode = "InvalidParameterValue.FileIdsTooMany";

        private static readonly string[] FilterNames = [V3MediaJson.BasicInfo, V3MediaJson.MetaData, V3MediaJson.ImageSpriteInfo,
            "transcodeInfo", "animatedGraphicsInfo", "sampleSnapshotInfo", "snapshotByTimeOffsetInfo", "keyFrameDescInfo",
            "adaptiveDynamicStreamingInfo", "miniProgramReviewInfo", "subtitleInfo", "reviewInfo"];

        private readonly VodService service;

        public V3MediaActions(VodService service) => this.service = service;

        public V3Reply SearchMedia(JsonElement body)
        {
            var fields = new V3FieldReader(body);
            var created = fields.TimeRange("CreateTime");
            var expires = fields.TimeRange("ExpireTime");
            var query = new MediaQuery
            {
                FileIds = fields.Strings("FileIds", MaxFilterItems),
                Names = fields.Strings("Names", MaxFilterItems),
                NamePrefixes = fields.Strings("NamePrefixes", MaxFilterItems),
                Descriptions = fields.Strings("Descriptions", MaxFilterItems),
                Text = fields.String("Text"),
                ClassIds = fields.Longs("ClassIds", MaxFilterItems),
                Tags = fields.Strings("Tags", 16),
                Categories = fields.Strings("Categories", MaxFilterItems),
                SourceTypes = fields.Strings("SourceTypes", MaxFilterItems),
                StreamIds = fields.Strings("StreamIds", MaxFilterItems),
                StorageRegions = fields.Strings("StorageRegions", 20),
                MediaTypes = fields.Strings("MediaTypes", MaxFilterItems),
                Statuses = fields.Strings("Status", MaxFilterItems),

                // StartTime / EndTime are the older spelling of CreateTime.After / Before.
                CreatedAfter = created.After ?? fields.Time("StartTime"),
                CreatedBefore = created.Before ?? fields.Time("EndTime"),
                ExpiresAfter = expires.After,
                ExpiresBefore = expires.Before,
            };
            var filters = Filters(fields);
            int offset = fields.Int("Offset") ?? 0;
            int limit = fields.Int("Limit") ?? DefaultSearchLimit;
            bool descending = Descending(body);
            if (fields.Error is { } error) return error;
            if (SortProblem(body) is { } sortError) return sortError;
            if (offset < 0) return V3Reply.Error(OffsetCode, $"Offset must be 0 or more, not {offset}.");
            if (limit < 1) return V3Reply.Error(LimitCode, $"Limit must be 1 or more, not {limit}.");
            if ((long)offset + limit > MaxSearchWindow)
            {
                return V3Reply.Error(LimitCode, $"Offset + Limit must not exceed {MaxSearchWindow} (got {offset} + {limit}): narrow the search, for example by CreateTime.");
            }

            service.PublishDueEvents();
            var matches = (query with { Descending = descending }).Run(service.Media);
            var page = matches.Skip(offset).Take(limit).ToList();
            var sprites = service.Tasks.FinishedSprites(service.Now);
            return V3Reply.Success((matches.Count, page, filters, sprites, service.Tasks.OutputBaseAddress), static (json, state) =>
            {
                json.WriteNumber("TotalCount", state.Count);
                json.WriteStartArray("MediaInfoSet");
                foreach (var file in state.page) V3MediaJson.Write(json, file, state.filters, state.sprites.GetValueOrDefault(file.FileId), state.OutputBaseAddress);
                json.WriteEndArray();
            });
        }

        public V3Reply DescribeMediaInfos(JsonElement body)
        {
            if (!body.TryGetProperty("FileIds", out var given) || given.ValueKind == JsonValueKind.Null) return V3Reply.MissingParameter("FileIds");
            var fields = new V3FieldReader(body);
            var fileIds = fields.Strings("FileIds", int.MaxValue);
            var filters = Filters(fields);
            if (fields.Error is { } error) return error;
            if (fileIds.Count == 0) return V3Reply.Error(FileIdsEmptyCode, "FileIds must name at least one file.");
            if (fileIds.Count > MaxMediaInfoFileIds) return V3Reply.Error(FileIdsTooManyCode, $"FileIds holds at most {MaxMediaInfoFileIds} ids per call, not {fileIds.Count}.");

            var found = new List<MediaFile>();
            var missing = new List<string>();
            foreach (string fileId in fileIds.Distinct(StringComparer.Ordinal))
            {
                var file = service.Media.Find(fileId);
                if (file.Value is { } value) found.Add(value);
                else missing.Add(fileId);
            }

            service.PublishDueEvents();
            var sprites = service.Tasks.FinishedSprites(service.Now);
            return V3Reply.Success((found, missing, filters, sprites, service.Tasks.OutputBaseAddress), static (json, state) =>
            {
                json.WriteStartArray("MediaInfoSet");
                foreach (var file in state.found) V3MediaJson.Write(json, file, state.filters, state.sprites.GetValueOrDefault(file.FileId), state.OutputBaseAddress);
                json.WriteEndArray();
                json.WriteStartArray("NotExistFileIdSet");
                foreach (string id in state.missing) json.WriteStringValue(id);
                json.WriteEndArray();
            });
        }

        /// <summary>The MediaInfo parts to return; unknown names are ignored, as parts the emulator does not have.</summary>
        private static IReadOnlyCollection<string> Filters(V3FieldReader fields) =>
            fields.Strings("Filters", FilterNames.Length).Where(name => FilterNames.Contains(name)).ToArray() is { Length: > 0 } wanted
                ? wanted
                : fields.Strings("Filters", FilterNames.Length).Count > 0 ? ["none"] : [];

        /// <summary>Sort.Order: Desc by default (the newest first), as the service sorts.</summary>
        private static bool Descending(JsonElement body) =>
            !(body.TryGetProperty("Sort", out var sort) && sort.ValueKind == JsonValueKind.Object && new V3FieldReader(sort).String("Order") == "Asc");

        private static V3Reply? SortProblem(JsonElement body)
        {
            if (!body.TryGetProperty("Sort", out var sort) || sort.ValueKind == JsonValueKind.Null) return null;
            if (sort.ValueKind != JsonValueKind.Object) return V3Reply.InvalidParameter("Sort");
            var fields = new V3FieldReader(sort);
            string? field = fields.String("Field"), order = fields.String("Order");
            if (fields.Error is { } error) return error;
            if (field != "CreateTime") return V3Reply.Error(SortCode, $"Sort.Field can only be CreateTime, not '{field}'.");
            if (order is not (null or "Asc" or "Desc")) return V3Reply.Error(SortCode, $"Sort.Order must be Asc or Desc, not '{order}'.");
            return null;
        }
    }
}
