using System;
using System.Collections.Generic;

namespace VodPowerShell.Core.Models
{
    /// <summary>One image sprite a file already has (MediaInfo.ImageSpriteInfo.ImageSpriteSet item).</summary>
    public sealed class MediaImageSprite
    {
        public int Definition { get; internal set; }

        /// <summary>One thumbnail's size in pixels.</summary>
        public int? Width { get; internal set; }

        public int? Height { get; internal set; }

        /// <summary>Thumbnails across all sheets.</summary>
        public int? TotalCount { get; internal set; }

        public IReadOnlyList<string> ImageUrls { get; internal set; } = Array.Empty<string>();

        public string? WebVttUrl { get; internal set; }

        public override string ToString() => $"{Definition}: {ImageUrls.Count} sheet(s)";
    }
}
