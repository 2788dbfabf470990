using System;
using System.Collections.Generic;
using System.Linq;
using VodPowerShell.Core.Models;

namespace VodPowerShell.Core.Operations
{
    /// <summary>A template value the service would reject: the parameter it concerns and the rule, in words.</summary>
    public sealed class ImageSpriteTemplateProblem
    {
        public ImageSpriteTemplateProblem(string field, string message)
        {
            Field = field;
            Message = message;
        }

        public string Field { get; }

        public string Message { get; }
    }

    /// <summary>
    /// What the service documents for sprite templates (docs/protocol.md §6), checked before sending so invalid
    /// input never reaches it. The 16-template limit is the service's to count: it surfaces as its LimitExceeded error.
    /// </summary>
    public static class ImageSpriteTemplateRules
    {
        public const int MinSide = 128;
        public const int MaxSide = 4096;
        public const int MaxSheetSide = 15000;
        public const int MaxCustomTemplates = 16;

        public static readonly IReadOnlyList<string> SampleTypes = new[] { "Percent", "Time" };
        public static readonly IReadOnlyList<string> Formats = new[] { "jpg", "png", "webp" };
        public static readonly IReadOnlyList<string> FillTypes = new[] { "stretch", "black" };
        public static readonly IReadOnlyList<string> ResolutionAdaptives = new[] { "open", "close" };

        /// <summary>
        /// Puts the enumerated fields in the service's spelling (any case is accepted) and returns the first rule
        /// the change breaks, or null. Fields left null are not checked; the sheet size is checked when both of
        /// its factors are given.
        /// </summary>
        public static ImageSpriteTemplateProblem? Check(ImageSpriteTemplateChange change)
        {
            if (change is null) throw new ArgumentNullException(nameof(change));
            if (Canonical(change.SampleType, SampleTypes, out string? sampleType) is false)
            {
                return new ImageSpriteTemplateProblem("SampleType", $"SampleType must be Percent (SampleInterval is a percentage of the duration) or Time (SampleInterval is in seconds), not '{change.SampleType}'.");
            }

            if (Canonical(change.Format, Formats, out string? format) is false)
            {
                return new ImageSpriteTemplateProblem("Format", $"Format must be jpg, png or webp, not '{change.Format}'.");
            }

            if (Canonical(change.FillType, FillTypes, out string? fillType) is false)
            {
                return new ImageSpriteTemplateProblem("FillType", $"FillType must be stretch (scale the frame to the thumbnail) or black (keep its aspect ratio and pad with black), not '{change.FillType}'.");
            }

            if (Canonical(change.ResolutionAdaptive, ResolutionAdaptives, out string? adaptive) is false)
            {
                return new ImageSpriteTemplateProblem("ResolutionAdaptive", $"ResolutionAdaptive must be open (Width is the long side) or close (Width is the width), not '{change.ResolutionAdaptive}'.");
            }

            change.SampleType = sampleType;
            change.Format = format;
            change.FillType = fillType;
            change.ResolutionAdaptive = adaptive;

            if (change.SampleType == "Percent" && change.SampleInterval is int percent && (percent < 1 || percent > 100))
            {
                return new ImageSpriteTemplateProblem("SampleInterval", $"SampleInterval is a percentage of the duration when SampleType is Percent: 1 to 100, not {percent}.");
            }

            if (change.SampleInterval is int interval && interval < 1) return new ImageSpriteTemplateProblem("SampleInterval", $"SampleInterval must be at least 1, not {interval}.");
            if (change.RowCount is int rows && rows < 1) return new ImageSpriteTemplateProblem("RowCount", $"RowCount must be at least 1, not {rows}.");
            if (change.ColumnCount is int columns && columns < 1) return new ImageSpriteTemplateProblem("ColumnCount", $"ColumnCount must be at least 1, not {columns}.");
            if (!IsSide(change.Width)) return new ImageSpriteTemplateProblem("Width", $"Width must be 0 (taken from the video) or {MinSide} to {MaxSide} px, not {change.Width}.");
            if (!IsSide(change.Height)) return new ImageSpriteTemplateProblem("Height", $"Height must be 0 (taken from the video) or {MinSide} to {MaxSide} px, not {change.Height}.");
            if (change.ColumnCount is int c && change.Width is int w && (long)c * w > MaxSheetSide)
            {
                return new ImageSpriteTemplateProblem("ColumnCount", $"The sheet would be {(long)c * w} px wide (ColumnCount {c} × Width {w}); the service allows at most {MaxSheetSide} px each way.");
            }

            if (change.RowCount is int r && change.Height is int h && (long)r * h > MaxSheetSide)
            {
                return new ImageSpriteTemplateProblem("RowCount", $"The sheet would be {(long)r * h} px high (RowCount {r} × Height {h}); the service allows at most {MaxSheetSide} px each way.");
            }

            return null;
        }

        private static bool IsSide(int? side) => side is null || side == 0 || (side >= MinSide && side <= MaxSide);

        /// <summary>Null when no value was given, else whether it is one of <paramref name="allowed"/> in any case.</summary>
        private static bool? Canonical(string? value, IReadOnlyList<string> allowed, out string? canonical)
        {
            canonical = null;
            if (value is null) return null;
            canonical = allowed.FirstOrDefault(a => string.Equals(a, value, StringComparison.OrdinalIgnoreCase));
            return canonical != null;
        }
    }
}
