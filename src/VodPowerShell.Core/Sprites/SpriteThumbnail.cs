using System;
using System.Globalization;

namespace VodPowerShell.Core.Sprites
{
    /// <summary>
    /// One cue of a sprite WebVTT: the time range it stands for and its rectangle on a sheet. Width and Height
    /// are null when the cue names a whole sheet (no xywh), since the sheet's size is not in the WebVTT.
    /// </summary>
    public sealed class SpriteThumbnail
    {
        /// <summary>The file the sprites belong to, when the caller knows it; the WebVTT does not say.</summary>
        public string? FileId { get; internal set; }

        public int? Definition { get; internal set; }

        /// <summary>Names the file and definition the cue belongs to, which only the caller knows.</summary>
        public void SetSource(string? fileId, int? definition)
        {
            FileId = fileId;
            Definition = definition;
        }

        /// <summary>0-based position among the file's cues; a malformed cue keeps its number, so a gap shows where it was.</summary>
        public int Index { get; internal set; }

        public TimeSpan Start { get; internal set; }

        public TimeSpan End { get; internal set; }

        /// <summary>The sheet: an absolute URL, or a full local path when read from disk.</summary>
        public string Sheet { get; internal set; } = string.Empty;

        public int X { get; internal set; }

        public int Y { get; internal set; }

        public int? Width { get; internal set; }

        public int? Height { get; internal set; }

        public override string ToString() =>
            string.Format(CultureInfo.InvariantCulture, "{0} {1}-{2} {3} {4},{5},{6},{7}", Index, Start, End, Sheet, X, Y, Width, Height);
    }
}
