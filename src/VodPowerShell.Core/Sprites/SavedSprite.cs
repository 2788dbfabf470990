using System;
using System.Collections.Generic;
using VodPowerShell.Core.Downloads;
using VodPowerShell.Core.Errors;

namespace VodPowerShell.Core.Sprites
{
    /// <summary>One file's sprites on disk, as Save-VodImageSprite reports them: complete whether every file came or not.</summary>
    public sealed class SavedSprite
    {
        internal SavedSprite(string fileId, int definition, string directory)
        {
            FileId = fileId;
            Definition = definition;
            Directory = directory;
        }

        public string FileId { get; }

        public int Definition { get; }

        /// <summary><c>Path/&lt;FileId&gt;/&lt;Definition&gt;</c>, which also holds manifest.json.</summary>
        public string Directory { get; }

        /// <summary>The sheets that are on disk, in the task's order.</summary>
        public IReadOnlyList<string> SheetPaths { get; internal set; } = Array.Empty<string>();

        /// <summary>Null when the task had no WebVTT or it could not be downloaded.</summary>
        public string? WebVttPath { get; internal set; }

        /// <summary>Size on disk of every file that is there, downloaded now or before.</summary>
        public long Bytes { get; internal set; }

        /// <summary>The cues of the saved WebVTT that could be read; null without a WebVTT.</summary>
        public int? ThumbnailCount { get; internal set; }

        public int Downloaded { get; internal set; }

        /// <summary>Files already complete from an earlier run: no request was sent for them.</summary>
        public int Skipped { get; internal set; }

        public int Failed { get; internal set; }

        /// <summary>The first failure's message, null when every file is on disk.</summary>
        public string? Error { get; internal set; }

        public IReadOnlyList<FileDownloadResult> Files { get; internal set; } = Array.Empty<FileDownloadResult>();

        /// <summary>Every failure with the URL it concerns, for the cmdlet's ErrorRecords; not part of the report.</summary>
        internal IReadOnlyList<KeyValuePair<string, VodError>> Errors { get; set; } = Array.Empty<KeyValuePair<string, VodError>>();

        /// <summary><see cref="Errors"/> for the cmdlet: a method, so that it stays out of <c>| Export-Csv</c>.</summary>
        public IReadOnlyList<KeyValuePair<string, VodError>> GetErrors() => Errors;

        public override string ToString() => $"{FileId} {Definition} {Directory}";
    }
}
