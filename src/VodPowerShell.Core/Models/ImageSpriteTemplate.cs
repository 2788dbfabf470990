using System;

namespace VodPowerShell.Core.Models
{
    /// <summary>An image sprite template of the account, as DescribeImageSpriteTemplates lists it (docs/protocol.md §6).</summary>
    public sealed class ImageSpriteTemplate
    {
        public int Definition { get; set; }

        /// <summary>Preset (the service's, read-only) or Custom (the account's).</summary>
        public string Type { get; set; } = "Custom";

        public string? Name { get; set; }

        /// <summary>Thumbnail width in px; 0 means "follow the video" with <see cref="Height"/>.</summary>
        public int Width { get; set; }

        public int Height { get; set; }

        public string? ResolutionAdaptive { get; set; }

        public string? SampleType { get; set; }

        public int SampleInterval { get; set; }

        public int RowCount { get; set; }

        public int ColumnCount { get; set; }

        public string? FillType { get; set; }

        public string? Format { get; set; }

        public string? Comment { get; set; }

        public DateTimeOffset? CreateTime { get; set; }

        public DateTimeOffset? UpdateTime { get; set; }
    }
}
