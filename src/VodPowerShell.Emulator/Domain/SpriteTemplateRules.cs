using System;
using System.Collections.Generic;

namespace VodPowerShell.Emulator.Domain
{
    /// <summary>A template value the service rejects: the field it names (the error code's suffix) and why.</summary>
    public sealed record TemplateProblem(string Field, string Message);

    /// <summary>
    /// What CreateImageSpriteTemplate and ModifyImageSpriteTemplate accept, in one place (see docs/protocol.md): the
    /// documented ranges, the 15,000 px sheet limit and the webp rule.
    /// </summary>
    public static class SpriteTemplateRules
    {
        public const int MaxCustomTemplates = 16;
        public const int MinSide = 128;
        public const int MaxSide = 4096;
        public const int MaxSheetSide = 15000;
        public const int MaxNameLength = 64;
        public const int MaxCommentLength = 256;
        public const string DefaultFormat = "jpg";
        public const string DefaultFillType = "black";

        public static readonly IReadOnlyList<string> Formats = ["jpg", "png", "webp"];
        public static readonly IReadOnlyList<string> FillTypes = ["stretch", "black"];

        /// <summary>The first problem, in the order the fields are documented; null when the template is valid.</summary>
        public static TemplateProblem? Check(SpriteTemplate template)
        {
            if (template.SampleType == SpriteSampleType.Percent && template.SampleInterval is < 1 or > 100)
            {
                return new("SampleInterval", $"SampleInterval is a percentage of the duration when SampleType is Percent: 1 to 100, not {template.SampleInterval}.");
            }

            if (template.SampleInterval < 1) return new("SampleInterval", $"SampleInterval must be at least 1 second, not {template.SampleInterval}.");
            if (template.Rows < 1) return new("RowCount", $"RowCount must be at least 1, not {template.Rows}.");
            if (template.Columns < 1) return new("ColumnCount", $"ColumnCount must be at least 1, not {template.Columns}.");
            if (!IsSide(template.Width)) return new("Width", $"Width must be 0 (from the source) or {MinSide} to {MaxSide} px, not {template.Width}.");
            if (!IsSide(template.Height)) return new("Height", $"Height must be 0 (from the source) or {MinSide} to {MaxSide} px, not {template.Height}.");
            if (template.Format == "webp" && template.Width == 0 && template.Height == 0)
            {
                return new("FormatWebpWidthAndHeightBothZero", "A webp template needs Width or Height: both cannot be 0.");
            }

            if ((long)template.Columns * template.Width > MaxSheetSide)
            {
                return new("ColumnCount", $"The sheet would be {(long)template.Columns * template.Width} px wide (ColumnCount {template.Columns} × Width {template.Width}); at most {MaxSheetSide} px.");
            }

            if ((long)template.Rows * template.Height > MaxSheetSide)
            {
                return new("RowCount", $"The sheet would be {(long)template.Rows * template.Height} px high (RowCount {template.Rows} × Height {template.Height}); at most {MaxSheetSide} px.");
            }

            if (template.Name.Length > MaxNameLength) return new("Name", $"Name is limited to {MaxNameLength} characters, not {template.Name.Length}.");
            if (template.Comment.Length > MaxCommentLength) return new("Comment", $"Comment is limited to {MaxCommentLength} characters, not {template.Comment.Length}.");
            return null;
        }

        public static bool TryParseSampleType(string text, out SpriteSampleType type) =>
            Enum.TryParse(text, ignoreCase: false, out type) && Enum.IsDefined(type);

        /// <summary>open or close, exactly as the docs spell them.</summary>
        public static bool TryParseResolutionAdaptive(string text, out bool open)
        {
            open = text == "open";
            return open || text == "close";
        }

        public static string ResolutionAdaptiveName(bool open) => open ? "open" : "close";

        private static bool IsSide(int value) => value == 0 || value is >= MinSide and <= MaxSide;
    }
}
