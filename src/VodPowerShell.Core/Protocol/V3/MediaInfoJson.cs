using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using VodPowerShell.Core.Models;
using VodPowerShell.Core.Operations;

namespace VodPowerShell.Core.Protocol.V3
{
    /// <summary>
    /// API 3.0's MediaInfo (the items of SearchMedia and DescribeMediaInfos, docs/protocol.md §6.1–6.2) and the
    /// ISO 8601 times and lists their requests carry. Every part may be missing ("may return null").
    /// </summary>
    public static class MediaInfoJson
    {
        public static IReadOnlyList<VodMediaInfo> ReadSet(JsonElement response, ResponseContext context)
        {
            var items = new List<VodMediaInfo>();
            foreach (var item in JsonRead.Array(response, "MediaInfoSet")) items.Add(Read(item, context));
            return items;
        }

        public static VodMediaInfo Read(JsonElement mediaInfo, ResponseContext context)
        {
            var info = new VodMediaInfo
            {
                FileId = JsonRead.String(mediaInfo, V3WireNames.FileId) ?? string.Empty,
                Endpoint = context.Endpoint,
                SubAppId = context.SubAppId,
            };
            if (JsonRead.Object(mediaInfo, "BasicInfo") is JsonElement basic) ReadBasicInfo(basic, info);
            if (JsonRead.Object(mediaInfo, "MetaData") is JsonElement meta)
            {
                info.Size = JsonRead.Long(meta, "Size");
                info.Width = JsonRead.Int(meta, "Width");
                info.Height = JsonRead.Int(meta, "Height");
                info.Duration = JsonRead.Double(meta, "Duration");
            }

            if (JsonRead.Object(mediaInfo, "ImageSpriteInfo") is JsonElement sprites)
            {
                var list = new List<MediaImageSprite>();
                foreach (var sprite in JsonRead.Array(sprites, "ImageSpriteSet"))
                {
                    list.Add(new MediaImageSprite
                    {
                        Definition = JsonRead.Int(sprite, "Definition") ?? 0,
                        Width = JsonRead.Int(sprite, "Width"),
                        Height = JsonRead.Int(sprite, "Height"),
                        TotalCount = JsonRead.Int(sprite, "TotalCount"),
                        ImageUrls = JsonRead.StringArray(sprite, "ImageUrlSet"),
                        WebVttUrl = JsonRead.String(sprite, "WebVttUrl"),
                    });
                }

                info.ImageSprites = list;
            }

            return info;
        }

        /// <summary>Seconds, UTC, as API 3.0 writes times: the service's times have no finer part.</summary>
        public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        /// <summary>Writes a list field, or nothing when it is empty (an empty filter matches everything).</summary>
        public static void WriteList(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
        {
            if (values.Count == 0) return;
            writer.WriteStartArray(name);
            foreach (string value in values) writer.WriteStringValue(value);
            writer.WriteEndArray();
        }

        /// <summary>A <c>{ "After": …, "Before": … }</c> range, or nothing when both ends are open.</summary>
        public static void WriteTimeRange(Utf8JsonWriter writer, string name, DateTimeOffset? after, DateTimeOffset? before)
        {
            if (after is null && before is null) return;
            writer.WriteStartObject(name);
            if (after is DateTimeOffset from) writer.WriteString("After", Time(from));
            if (before is DateTimeOffset to) writer.WriteString("Before", Time(to));
            writer.WriteEndObject();
        }

        private static void ReadBasicInfo(JsonElement basic, VodMediaInfo info)
        {
            info.Name = JsonRead.String(basic, "Name");
            info.Description = JsonRead.String(basic, "Description");
            info.CreateTime = JsonRead.IsoTime(basic, "CreateTime");
            info.ExpireTime = JsonRead.IsoTime(basic, "ExpireTime");
            info.ClassId = JsonRead.Long(basic, "ClassId");
            info.ClassName = JsonRead.String(basic, "ClassName");
            info.ClassPath = JsonRead.String(basic, "ClassPath");
            info.Type = JsonRead.String(basic, "Type");
            info.Category = JsonRead.String(basic, "Category");
            info.Status = JsonRead.String(basic, "Status");
            info.StorageRegion = JsonRead.String(basic, "StorageRegion");
            info.MediaUrl = JsonRead.String(basic, "MediaUrl");
            info.CoverUrl = JsonRead.String(basic, "CoverUrl");
            info.Tags = JsonRead.StringArray(basic, "TagSet");

            // A live recording's stream is in SourceInfo.LiveRecordInfo.StreamId (BasicInfo.Vid names the recording, not the stream).
            if (JsonRead.Object(basic, "SourceInfo") is JsonElement source)
            {
                info.SourceType = JsonRead.String(source, "SourceType");
                if (JsonRead.Object(source, "LiveRecordInfo") is JsonElement record) info.StreamId = JsonRead.String(record, "StreamId") is { Length: > 0 } stream ? stream : null;
            }
        }
    }
}
