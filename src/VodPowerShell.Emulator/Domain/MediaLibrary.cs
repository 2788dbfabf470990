using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace VodPowerShell.Emulator.Domain
{
    public enum MediaFileState
    {
        /// <summary>Uploaded and processable.</summary>
        Normal,

        /// <summary>Still uploading or transcoding: processing requests get "unexpected file status".</summary>
        Unready,
    }

    public sealed record MediaFile(string FileId, double DurationSeconds, MediaFileState State);

    /// <summary>
    /// The videos the account owns. In "open" mode every fileId exists (so tests can invent ids), with a
    /// duration derived from a stable hash, except the <c>missing-</c> and <c>unready-</c> prefixes; files added
    /// explicitly always win. In closed mode (a <c>--media</c> file) only listed files exist.
    /// </summary>
    public sealed class MediaLibrary
    {
        public const string MissingPrefix = "missing-";
        public const string UnreadyPrefix = "unready-";
        public const int MinOpenDurationSeconds = 30;
        public const int MaxOpenDurationSeconds = 30 * 60;

        private static readonly JsonSerializerOptions FileFormat = new(JsonSerializerDefaults.Web)
        {
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        };

        private readonly ConcurrentDictionary<string, MediaFile> explicitFiles = new(StringComparer.Ordinal);

        public MediaLibrary(bool open) => IsOpen = open;

        public bool IsOpen { get; }

        public Outcome<MediaFile> Find(string fileId)
        {
            if (explicitFiles.TryGetValue(fileId, out var file)) return file;
            if (!IsOpen || fileId.StartsWith(MissingPrefix, StringComparison.Ordinal))
            {
                return new DomainError(DomainErrorKind.FileNotFound, $"fileId '{fileId}' does not exist.");
            }

            var state = fileId.StartsWith(UnreadyPrefix, StringComparison.Ordinal) ? MediaFileState.Unready : MediaFileState.Normal;
            return new MediaFile(fileId, OpenDurationSeconds(fileId), state);
        }

        public void Add(IEnumerable<MediaFile> files)
        {
            foreach (var file in files) explicitFiles[file.FileId] = file;
        }

        /// <summary>Explicit files survive a reset: they are configuration, not state.</summary>
        public int ExplicitCount => explicitFiles.Count;

        /// <summary>
        /// Reads <c>{"files":[{"fileId":"…","durationSeconds":95.5,"state":"normal|unready"}]}</c>, the format of
        /// both <c>--media</c> and <c>POST /_emulator/media</c>.
        /// </summary>
        public static IReadOnlyList<MediaFile> ParseFiles(string json)
        {
            var document = JsonSerializer.Deserialize<MediaDocument>(json, FileFormat)
                ?? throw new InvalidDataException("The media document is empty.");
            var files = new List<MediaFile>();
            foreach (var entry in document.Files ?? new List<MediaEntry>())
            {
                if (string.IsNullOrEmpty(entry.FileId)) throw new InvalidDataException("Every media file needs a fileId.");
                if (!(entry.DurationSeconds > 0)) throw new InvalidDataException($"File '{entry.FileId}' needs a positive durationSeconds.");
                files.Add(new MediaFile(entry.FileId, entry.DurationSeconds, entry.State));
            }

            return files;
        }

        /// <summary>FNV-1a over the UTF-8 bytes: stable across processes and runtimes, unlike string.GetHashCode.</summary>
        public static int OpenDurationSeconds(string fileId)
        {
            ulong hash = 14695981039346656037UL;
            foreach (byte b in Encoding.UTF8.GetBytes(fileId))
            {
                hash = (hash ^ b) * 1099511628211UL;
            }

            return MinOpenDurationSeconds + (int)(hash % (ulong)(MaxOpenDurationSeconds - MinOpenDurationSeconds + 1));
        }

        private sealed class MediaDocument
        {
            public List<MediaEntry>? Files { get; set; }
        }

        private sealed class MediaEntry
        {
            public string? FileId { get; set; }

            public double DurationSeconds { get; set; }

            public MediaFileState State { get; set; }
        }
    }
}
