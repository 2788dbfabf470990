using System;
using System.Collections.Generic;

namespace VodPowerShell.Core.Models
{
    /// <summary>
    /// What a sprite task and its completion event share (docs/protocol.md §9.2, §9.3): the outcome code, and on success
    /// the sprite sheets and the WebVTT index. Every field after FileId is optional on the wire.
    /// </summary>
    public abstract class SpriteOutput
    {
        public string? TaskId { get; internal set; }

        public string? FileId { get; internal set; }

        public int? Definition { get; internal set; }

        /// <summary>0 on success; a negative media-processing code (e.g. -43001) when the capture failed.</summary>
        public int? ErrorCode { get; internal set; }

        public string? ErrorMessage { get; internal set; }

        /// <summary>Number of thumbnails captured.</summary>
        public int? TotalCount { get; internal set; }

        public IReadOnlyList<string> ImageSpriteUrls { get; internal set; } = Array.Empty<string>();

        public string? WebVttUrl { get; internal set; }
    }
}
