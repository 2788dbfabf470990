namespace VodPowerShell.Core.Models
{
    /// <summary>An image sprite template (the <c>definition</c> parameter) and what it produces.</summary>
    public sealed class SpriteTemplate
    {
        public SpriteTemplate(int definition, string format, int thumbnailWidth, int thumbnailHeight, int rows, int columns, int intervalSeconds)
        {
            Definition = definition;
            Format = format;
            ThumbnailWidth = thumbnailWidth;
            ThumbnailHeight = thumbnailHeight;
            Rows = rows;
            Columns = columns;
            IntervalSeconds = intervalSeconds;
        }

        public int Definition { get; }

        public string Format { get; }

        public int ThumbnailWidth { get; }

        public int ThumbnailHeight { get; }

        public int Rows { get; }

        public int Columns { get; }

        public int IntervalSeconds { get; }

        public string Description => $"{Format}, {ThumbnailWidth}x{ThumbnailHeight} thumbnails every {IntervalSeconds} s, {Rows}x{Columns} per sheet";
    }
}
