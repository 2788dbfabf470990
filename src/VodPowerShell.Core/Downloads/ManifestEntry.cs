using System;
using System.Text.Json.Serialization;

namespace VodPowerShell.Core.Downloads
{
    /// <summary>What the manifest remembers of one downloaded file.</summary>
    public sealed class ManifestEntry
    {
        [JsonPropertyName("url")]
        public string Url { get; set; } = string.Empty;

        /// <summary>The file's name in the manifest's folder.</summary>
        [JsonPropertyName("name")]
        public string Name { get; set; } = string.Empty;

        [JsonPropertyName("size")]
        public long Size { get; set; }

        /// <summary>As the server sent it, for the record; null when it sent none.</summary>
        [JsonPropertyName("etag")]
        public string? ETag { get; set; }

        /// <summary>As the server sent it (base64); when present the body was checked against it.</summary>
        [JsonPropertyName("contentMd5")]
        public string? ContentMd5 { get; set; }

        /// <summary>MD5 of the bytes written, in hex: a rerun compares the file on disk with it.</summary>
        [JsonPropertyName("md5")]
        public string Md5 { get; set; } = string.Empty;

        [JsonPropertyName("savedAt")]
        public DateTimeOffset SavedAt { get; set; }
    }
}
