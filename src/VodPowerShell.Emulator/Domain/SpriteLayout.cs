using System;
using System.Collections.Generic;

namespace VodPowerShell.Emulator.Domain
{
    /// <summary>One thumbnail: its time range in milliseconds and its cell on a sheet (0-based sheet, column, row).</summary>
    public readonly record struct SpriteCue(int Index, long StartMs, long EndMs, int Sheet, int Column, int Row);

    /// <summary>
    /// What a sprite task produces for one file and one template: the thumbnail size (the template's, resolved
    /// against the source resolution), the grid, the sheet count and each thumbnail's time range. Sheets are
    /// always the full grid, columns × cell width by rows × cell height; cells past the last thumbnail stay black.
    /// </summary>
    public sealed class SpriteLayout
    {
        /// <summary>Sources without a picture (audio) are drawn as if they were 1280 × 720.</summary>
        private const int FallbackSourceWidth = 1280;
        private const int FallbackSourceHeight = 720;

        private SpriteLayout(SpriteTemplate template, int cellWidth, int cellHeight, long durationMs, int sourceWidth, int sourceHeight)
        {
            Template = template;
            CellWidth = cellWidth;
            CellHeight = cellHeight;
            DurationMs = durationMs;
            SourceWidth = sourceWidth;
            SourceHeight = sourceHeight;
            long step = template.SampleType == SpriteSampleType.Time ? template.SampleInterval * 1000L : 0;
            ThumbnailCount = template.SampleType == SpriteSampleType.Time
                ? (int)Math.Max(1, (durationMs + step - 1) / step)
                : (100 + template.SampleInterval - 1) / template.SampleInterval;
            SheetCount = (ThumbnailCount + template.ThumbnailsPerSheet - 1) / template.ThumbnailsPerSheet;
        }

        public SpriteTemplate Template { get; }

        public int CellWidth { get; }

        public int CellHeight { get; }

        public int SheetWidth => Template.Columns * CellWidth;

        public int SheetHeight => Template.Rows * CellHeight;

        public long DurationMs { get; }

        public int SourceWidth { get; }

        public int SourceHeight { get; }

        public int ThumbnailCount { get; }

        public int SheetCount { get; }

        public string Format => Template.Format;

        public static SpriteLayout For(SpriteTemplate template, MediaFile file)
        {
            int sourceWidth = file.Details.Width > 0 ? file.Details.Width : FallbackSourceWidth;
            int sourceHeight = file.Details.Height > 0 ? file.Details.Height : FallbackSourceHeight;
            var (width, height) = CellSize(template, sourceWidth, sourceHeight);
            long durationMs = Math.Max(1, (long)Math.Round(file.DurationSeconds * 1000));
            return new SpriteLayout(template, width, height, durationMs, sourceWidth, sourceHeight);
        }

        /// <summary>Thumbnail <paramref name="index"/>: Time steps are SampleInterval seconds, Percent steps a share of the duration; the last ends at the duration.</summary>
        public SpriteCue Cue(int index)
        {
            long start = StartMs(index);
            long end = index + 1 < ThumbnailCount ? StartMs(index + 1) : DurationMs;
            int onSheet = index % Template.ThumbnailsPerSheet;
            return new SpriteCue(index, start, Math.Max(start, end), index / Template.ThumbnailsPerSheet, onSheet % Template.Columns, onSheet / Template.Columns);
        }

        public IEnumerable<SpriteCue> Cues()
        {
            for (int i = 0; i < ThumbnailCount; i++) yield return Cue(i);
        }

        private long StartMs(int index) => Template.SampleType == SpriteSampleType.Time
            ? Math.Min(index * Template.SampleInterval * 1000L, DurationMs)
            : DurationMs * index * Template.SampleInterval / 100;

        /// <summary>
        /// The documented rules: both 0 keep the source size, one 0 scales proportionally, and with ResolutionAdaptive
        /// open Width and Height are the long and short sides. A sheet that would still pass 15,000 px (a large
        /// source with 0 × 0) is scaled down to fit, which the service leaves unsaid.
        /// </summary>
        private static (int Width, int Height) CellSize(SpriteTemplate template, int sourceWidth, int sourceHeight)
        {
            bool swap = template.ResolutionAdaptive && sourceHeight > sourceWidth;
            int width = swap ? template.Height : template.Width;
            int height = swap ? template.Width : template.Height;
            if (width == 0 && height == 0) (width, height) = (sourceWidth, sourceHeight);
            else if (width == 0) width = (int)Math.Max(1, Math.Round((double)height * sourceWidth / sourceHeight));
            else if (height == 0) height = (int)Math.Max(1, Math.Round((double)width * sourceHeight / sourceWidth));

            double scale = Math.Min(1.0, Math.Min((double)SpriteTemplateRules.MaxSheetSide / (template.Columns * (long)width), (double)SpriteTemplateRules.MaxSheetSide / (template.Rows * (long)height)));
            return ((int)Math.Max(1, Math.Floor(width * scale)), (int)Math.Max(1, Math.Floor(height * scale)));
        }
    }
}
