using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using VodPowerShell.Emulator.Domain;

namespace VodPowerShell.Emulator.Protocol.V3
{
    /// <summary>
    /// One MediaInfo as SearchMedia and DescribeMediaInfos answer it: FileId, then BasicInfo, MetaData and
    /// ImageSpriteInfo when the request's Filters ask for them (all three when it names none). The other
    /// MediaInfo parts (transcodes, snapshots, …) are not emulated and are left out.
    /// </summary>
    public static class V3MediaJson
    {
        public const string BasicInfo = "basicInfo";
        public const string MetaData = "metaData";
        public const string ImageSpriteInfo = "imageSpriteInfo";

        public static void Write(Utf8JsonWriter json, MediaFile file, IReadOnlyCollection<string> filters, SortedDictionary<int, SpriteTask>? sprites, Uri baseAddress)
        {
            var d = file.Details;
            json.WriteStartObject();
            json.WriteString(V3Names.FileId, file.FileId);
            if (Wants(filters, BasicInfo))
            {
                json.WriteStartObject("BasicInfo");
                json.WriteString("Name", d.Name);
                json.WriteString("Description", d.Description);
                json.WriteString("CreateTime", Iso(d.CreateTime));
                json.WriteString("UpdateTime", Iso(d.CreateTime));
                json.WriteString("ExpireTime", Iso(d.ExpireTime ?? MediaQuery.NeverExpires));
                json.WriteNumber("ClassId", d.ClassId);
                json.WriteString("ClassName", MediaClasses.NameOf(d.ClassId));
                json.WriteString("ClassPath", MediaClasses.PathOf(d.ClassId));
                json.WriteString("CoverUrl", string.Empty);
                json.WriteString("Type", d.Container);

                // Not served: the emulator has sprites, not media.
                json.WriteString("MediaUrl", SpriteUrls.MediaUrl(baseAddress, file.FileId, d.Container));
                json.WriteStartArray("TagSet");
                foreach (string tag in d.Tags) json.WriteStringValue(tag);
                json.WriteEndArray();
                json.WriteString("StorageRegion", d.StorageRegion);
                json.WriteStartObject("SourceInfo");
                json.WriteString("SourceType", d.SourceType);
                json.WriteString("SourceContext", string.Empty);
                if (d.StreamId.Length > 0)
                {
                    // A live recording names its stream here (MediaSourceData.LiveRecordInfo); Vid below names the recording.
                    json.WriteStartObject("LiveRecordInfo");
                    json.WriteString("StreamId", d.StreamId);
                    json.WriteEndObject();
                }

                json.WriteEndObject();
                json.WriteString("Vid", d.StreamId.Length == 0 ? string.Empty : "vid-" + file.FileId);
                json.WriteString("Category", d.Category);
                json.WriteString("Status", d.Status);
                json.WriteString("StorageClass", "STANDARD");
                json.WriteEndObject();
            }

            if (Wants(filters, MetaData))
            {
                json.WriteStartObject("MetaData");
                json.WriteNumber("Size", d.Size);
                json.WriteString("Container", d.Container);
                json.WriteNumber("Bitrate", d.Bitrate);
                json.WriteNumber("Height", d.Height);
                json.WriteNumber("Width", d.Width);
                json.WriteNumber("Duration", file.DurationSeconds);
                json.WriteNumber("VideoDuration", d.Category == "Video" ? file.DurationSeconds : 0);
                json.WriteNumber("AudioDuration", file.DurationSeconds);
                json.WriteNumber("Rotate", 0);
                json.WriteEndObject();
            }

            if (Wants(filters, ImageSpriteInfo))
            {
                // An object with an empty set when the file has no sprites yet, so "no sprites" is one test for a client.
                json.WriteStartObject("ImageSpriteInfo");
                json.WriteStartArray("ImageSpriteSet");
                foreach (var task in sprites?.Values ?? (IEnumerable<SpriteTask>)Array.Empty<SpriteTask>())
                {
                    var result = task.Result;
                    json.WriteStartObject();
                    json.WriteNumber(V3Names.Definition, task.Template.Definition);
                    json.WriteNumber("Height", result.Layout!.CellHeight);
                    json.WriteNumber("Width", result.Layout.CellWidth);
                    json.WriteNumber("TotalCount", result.TotalCount);
                    json.WriteStartArray("ImageUrlSet");
                    foreach (string url in result.ImageSpriteUrls) json.WriteStringValue(url);
                    json.WriteEndArray();
                    json.WriteString("WebVttUrl", result.WebVttUrl);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        public static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        private static bool Wants(IReadOnlyCollection<string> filters, string part) => filters.Count == 0 || System.Linq.Enumerable.Contains(filters, part);
    }
}
