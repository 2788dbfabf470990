using System;
using System.Collections.Generic;

namespace VodPowerShell.Core.Sprites
{
    /// <summary>What a finished sprite task points to: its sheets and WebVTT, for one file and template.</summary>
    public sealed class SpriteSource
    {
        public SpriteSource(string fileId, int definition, IReadOnlyList<string>? sheetUrls, string? webVttUrl)
        {
            FileId = fileId;
            Definition = definition;
            SheetUrls = sheetUrls ?? Array.Empty<string>();
            WebVttUrl = string.IsNullOrWhiteSpace(webVttUrl) ? null : webVttUrl;
        }

        public string FileId { get; }

        public int Definition { get; }

        public IReadOnlyList<string> SheetUrls { get; }

        public string? WebVttUrl { get; }

        /// <summary>False for a task that has not finished, or failed: there is nothing to download.</summary>
        public bool HasSprites => SheetUrls.Count > 0 || WebVttUrl != null;
    }
}
