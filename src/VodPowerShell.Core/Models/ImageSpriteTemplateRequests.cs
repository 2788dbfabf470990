using System;
using System.Collections.Generic;

namespace VodPowerShell.Core.Models
{
    /// <summary>One DescribeImageSpriteTemplates page: by definition or all, of one type or both.</summary>
    public sealed class ImageSpriteTemplateQuery
    {
        public IReadOnlyList<int> Definitions { get; set; } = Array.Empty<int>();

        /// <summary>Preset, Custom, or null for both.</summary>
        public string? Type { get; set; }

        public int Offset { get; set; }

        public int Limit { get; set; } = 100;

        public ImageSpriteTemplateQuery At(int offset) =>
            new ImageSpriteTemplateQuery { Definitions = Definitions, Type = Type, Offset = offset, Limit = Limit };
    }

    /// <summary>One page of templates and how many match in all.</summary>
    public sealed class ImageSpriteTemplatePage
    {
        public ImageSpriteTemplatePage(long totalCount, IReadOnlyList<ImageSpriteTemplate> items)
        {
            TotalCount = totalCount;
            Items = items;
        }

        public long TotalCount { get; }

        public IReadOnlyList<ImageSpriteTemplate> Items { get; }
    }

    /// <summary>
    /// The fields of a create or modify; null leaves a field out of the request (the service's default on
    /// create, the current value on modify). <see cref="Definition"/> is set for modify only.
    /// </summary>
    public sealed class ImageSpriteTemplateChange
    {
        public int? Definition { get; set; }

        public string? Name { get; set; }

        public int? Width { get; set; }

        public int? Height { get; set; }

        public string? ResolutionAdaptive { get; set; }

        public string? SampleType { get; set; }

        public int? SampleInterval { get; set; }

        public int? RowCount { get; set; }

        public int? ColumnCount { get; set; }

        public string? FillType { get; set; }

        public string? Format { get; set; }

        public string? Comment { get; set; }
    }
}
