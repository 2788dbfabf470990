using System;
using System.Globalization;
using System.IO;
using System.Text;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.PixelFormats;
using VodPowerShell.Emulator.Domain;

namespace VodPowerShell.Emulator.Downloads
{
    /// <summary>
    /// Draws a finished sprite's files from its <see cref="SpriteLayout"/> alone, so nothing is stored: each sheet is the
    /// full grid, each thumbnail a colour of its own with its 1-based number and a bar showing where it starts in the
    /// file (letterboxed in black when the template's FillType is black), unused cells black. The same layout and
    /// sheet always give the same bytes.
    /// </summary>
    public static class SpriteRenderer
    {
        /// <summary>3 × 5 digit glyphs, row by row from the top, most significant bit first.</summary>
        private static readonly int[] Glyphs =
        [
            0b111_101_101_101_111, 0b010_110_010_010_111, 0b111_001_111_100_111, 0b111_001_111_001_111, 0b101_101_111_001_001,
            0b111_100_111_001_111, 0b111_100_111_101_111, 0b111_001_001_001_001, 0b111_101_111_101_111, 0b111_101_111_001_111,
        ];

        private static readonly Rgb24 Black = new(0, 0, 0);
        private static readonly Rgb24 White = new(255, 255, 255);

        public static string ContentType(string format) => format switch
        {
            "png" => "image/png",
            "webp" => "image/webp",
            _ => "image/jpeg",
        };

        /// <summary>The WebVTT: one cue per thumbnail, <c>start --&gt; end</c> then the sheet's relative name with <c>#xywh=x,y,w,h</c>.</summary>
        public static byte[] WebVtt(SpriteLayout layout)
        {
            var text = new StringBuilder("WEBVTT\n", 64 + (layout.ThumbnailCount * 64));
            foreach (var cue in layout.Cues())
            {
                text.Append('\n').Append(Timestamp(cue.StartMs)).Append(" --> ").Append(Timestamp(cue.EndMs)).Append('\n')
                    .Append(SpriteUrls.SheetName(cue.Sheet + 1, layout.Format))
                    .Append(CultureInfo.InvariantCulture, $"#xywh={cue.Column * layout.CellWidth},{cue.Row * layout.CellHeight},{layout.CellWidth},{layout.CellHeight}\n");
            }

            return Encoding.UTF8.GetBytes(text.ToString());
        }

        /// <summary>Sheet <paramref name="sheet"/> (0-based), encoded in the template's format.</summary>
        public static byte[] Sheet(SpriteLayout layout, int sheet)
        {
            var cells = new Cell[layout.Template.ThumbnailsPerSheet];
            for (int i = 0; i < cells.Length; i++)
            {
                int index = (sheet * cells.Length) + i;
                cells[i] = index < layout.ThumbnailCount ? Cell.For(layout, layout.Cue(index)) : default;
            }

            using var image = new Image<Rgb24>(layout.SheetWidth, layout.SheetHeight);
            image.ProcessPixelRows(rows =>
            {
                for (int y = 0; y < rows.Height; y++)
                {
                    var row = rows.GetRowSpan(y);
                    int gridRow = y / layout.CellHeight, cellY = y % layout.CellHeight;
                    for (int x = 0; x < row.Length; x++)
                    {
                        row[x] = cells[(gridRow * layout.Template.Columns) + (x / layout.CellWidth)].Pixel(x % layout.CellWidth, cellY);
                    }
                }
            });

            using var output = new MemoryStream();
            image.Save(output, Encoder(layout.Format));
            return output.ToArray();
        }

        private static IImageEncoder Encoder(string format) => format switch
        {
            "png" => new PngEncoder(),
            "webp" => new WebpEncoder { FileFormat = WebpFileFormatType.Lossy, Quality = 75 },
            _ => new JpegEncoder { Quality = 80 },
        };

        private static string Timestamp(long ms) => string.Create(CultureInfo.InvariantCulture,
            $"{ms / 3_600_000:00}:{ms / 60_000 % 60:00}:{ms / 1000 % 60:00}.{ms % 1000:000}");

        /// <summary>How one thumbnail is painted; the default (unused cell) is all black.</summary>
        private readonly record struct Cell(bool Used, Rgb24 Colour, int Left, int Top, int Width, int Height, string Number, int Scale, int TextLeft, int TextTop, int Bar)
        {
            public static Cell For(SpriteLayout layout, SpriteCue cue)
            {
                int width = layout.CellWidth, height = layout.CellHeight;
                int left = 0, top = 0;
                if (layout.Template.FillType == "black")
                {
                    // Keep the source's aspect inside the cell; the rest stays black.
                    double aspect = (double)layout.SourceWidth / layout.SourceHeight;
                    if ((double)width / height > aspect) width = Math.Max(1, (int)Math.Round(height * aspect));
                    else height = Math.Max(1, (int)Math.Round(width / aspect));
                    left = (layout.CellWidth - width) / 2;
                    top = (layout.CellHeight - height) / 2;
                }

                string number = (cue.Index + 1).ToString(CultureInfo.InvariantCulture);
                int scale = Math.Max(1, Math.Min(width / ((number.Length * 4) + 1), height / 8));
                int bar = (int)(width * cue.StartMs / Math.Max(1, layout.DurationMs));
                var colour = Hue(cue.Index * 47);
                return new Cell(true, colour, left, top, width, height, number, scale,
                    left + ((width - (((number.Length * 4) - 1) * scale)) / 2), top + ((height - (5 * scale)) / 2), bar);
            }

            public Rgb24 Pixel(int x, int y)
            {
                if (!Used || x < Left || y < Top || x >= Left + Width || y >= Top + Height) return Black;
                if (y >= Top + Height - Math.Max(2, Height / 16)) return x - Left <= Bar ? White : Black;
                int gx = (x - TextLeft) / Scale, gy = (y - TextTop) / Scale;
                if (x >= TextLeft && y >= TextTop && gy < 5 && gx < (Number.Length * 4) - 1 && gx % 4 != 3)
                {
                    int glyph = Glyphs[Number[gx / 4] - '0'];
                    if ((glyph >> (14 - ((gy * 3) + (gx % 4))) & 1) == 1) return White;
                }

                return Colour;
            }

            private static Rgb24 Hue(int degrees)
            {
                double h = (degrees % 360) / 60.0;
                byte rise = (byte)(60 + (140 * (h - Math.Floor(h)))), fall = (byte)(200 - (140 * (h - Math.Floor(h))));
                return ((int)h) switch
                {
                    0 => new Rgb24(200, rise, 60),
                    1 => new Rgb24(fall, 200, 60),
                    2 => new Rgb24(60, 200, rise),
                    3 => new Rgb24(60, fall, 200),
                    4 => new Rgb24(rise, 60, 200),
                    _ => new Rgb24(200, 60, fall),
                };
            }
        }
    }
}
