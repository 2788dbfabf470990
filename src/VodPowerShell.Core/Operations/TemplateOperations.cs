using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using VodPowerShell.Core.Models;
using VodPowerShell.Core.Protocol;

namespace VodPowerShell.Core.Operations
{
    /// <summary>The image sprite template actions (API 3.0 only; docs/protocol.md §6), declared once.</summary>
    public static class TemplateOperations
    {
        /// <summary>DescribeImageSpriteTemplates returns at most 100 a page.</summary>
        public const int MaxDescribeLimit = 100;

        public static readonly VodOperation<ImageSpriteTemplateQuery, ImageSpriteTemplatePage> DescribeImageSpriteTemplates = new VodOperation<ImageSpriteTemplateQuery, ImageSpriteTemplatePage>(
            "DescribeImageSpriteTemplates", isIdempotent: true,
            read: (response, _) => new ImageSpriteTemplatePage(
                JsonRead.Long(response, "TotalCount") ?? 0,
                JsonRead.Array(response, "ImageSpriteTemplateSet").Select(ReadTemplate).ToList()),
            v3Action: "DescribeImageSpriteTemplates",
            writeV3: WriteQuery);

        /// <summary>Every page of a query; the position is the next offset.</summary>
        public static readonly PagedOperation<ImageSpriteTemplateQuery, ImageSpriteTemplatePage, ImageSpriteTemplate> DescribeImageSpriteTemplatePages = new PagedOperation<ImageSpriteTemplateQuery, ImageSpriteTemplatePage, ImageSpriteTemplate>(
            DescribeImageSpriteTemplates,
            items: page => page.Items,
            nextPosition: (query, page) => OffsetPaging.Next(query.Offset, page.Items.Count, page.TotalCount),
            at: (query, position) => query.At(OffsetPaging.Parse(position)));

        /// <summary>Answers the new template's Definition. Not resent after a lost answer: it could create two.</summary>
        public static readonly VodOperation<ImageSpriteTemplateChange, int> CreateImageSpriteTemplate = new VodOperation<ImageSpriteTemplateChange, int>(
            "CreateImageSpriteTemplate", isIdempotent: false,
            read: (response, _) => JsonRead.Int(response, "Definition") ?? 0,
            v3Action: "CreateImageSpriteTemplate",
            writeV3: WriteChange);

        /// <summary>Not resent after a lost answer: a modify that raced another one would undo it.</summary>
        public static readonly VodOperation<ImageSpriteTemplateChange, bool> ModifyImageSpriteTemplate = new VodOperation<ImageSpriteTemplateChange, bool>(
            "ModifyImageSpriteTemplate", isIdempotent: false,
            read: (_, _) => true,
            v3Action: "ModifyImageSpriteTemplate",
            writeV3: WriteChange);

        /// <summary>Not resent after a lost answer: the second try would fail with "does not exist" although it worked.</summary>
        public static readonly VodOperation<int, bool> DeleteImageSpriteTemplate = new VodOperation<int, bool>(
            "DeleteImageSpriteTemplate", isIdempotent: false,
            read: (_, _) => true,
            v3Action: "DeleteImageSpriteTemplate",
            writeV3: (writer, definition) => writer.WriteNumber("Definition", definition));

        private static void WriteQuery(Utf8JsonWriter writer, ImageSpriteTemplateQuery query)
        {
            if (query.Definitions.Count > 0)
            {
                writer.WriteStartArray("Definitions");
                foreach (int definition in query.Definitions) writer.WriteNumberValue(definition);
                writer.WriteEndArray();
            }

            if (!string.IsNullOrEmpty(query.Type)) writer.WriteString("Type", query.Type);
            writer.WriteNumber("Offset", query.Offset);
            writer.WriteNumber("Limit", query.Limit);
        }

        private static void WriteChange(Utf8JsonWriter writer, ImageSpriteTemplateChange change)
        {
            WriteNumber(writer, "Definition", change.Definition);
            WriteString(writer, "Name", change.Name);
            WriteNumber(writer, "Width", change.Width);
            WriteNumber(writer, "Height", change.Height);
            WriteString(writer, "ResolutionAdaptive", change.ResolutionAdaptive);
            WriteString(writer, "SampleType", change.SampleType);
            WriteNumber(writer, "SampleInterval", change.SampleInterval);
            WriteNumber(writer, "RowCount", change.RowCount);
            WriteNumber(writer, "ColumnCount", change.ColumnCount);
            WriteString(writer, "FillType", change.FillType);
            WriteString(writer, "Format", change.Format);
            WriteString(writer, "Comment", change.Comment);
        }

        private static void WriteNumber(Utf8JsonWriter writer, string name, int? value)
        {
            if (value is int number) writer.WriteNumber(name, number);
        }

        private static void WriteString(Utf8JsonWriter writer, string name, string? value)
        {
            if (value != null) writer.WriteString(name, value);
        }

        private static ImageSpriteTemplate ReadTemplate(JsonElement item) => new ImageSpriteTemplate
        {
            Definition = JsonRead.Int(item, "Definition") ?? 0,
            Type = JsonRead.String(item, "Type") ?? "Custom",
            Name = JsonRead.String(item, "Name"),
            Width = JsonRead.Int(item, "Width") ?? 0,
            Height = JsonRead.Int(item, "Height") ?? 0,
            ResolutionAdaptive = JsonRead.String(item, "ResolutionAdaptive"),
            SampleType = JsonRead.String(item, "SampleType"),
            SampleInterval = JsonRead.Int(item, "SampleInterval") ?? 0,
            RowCount = JsonRead.Int(item, "RowCount") ?? 0,
            ColumnCount = JsonRead.Int(item, "ColumnCount") ?? 0,
            FillType = JsonRead.String(item, "FillType"),
            Format = JsonRead.String(item, "Format"),
            Comment = JsonRead.String(item, "Comment"),
            CreateTime = JsonRead.IsoTime(item, "CreateTime"),
            UpdateTime = JsonRead.IsoTime(item, "UpdateTime"),
        };
    }
}
