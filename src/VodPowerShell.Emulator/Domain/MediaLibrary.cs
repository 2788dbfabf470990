using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
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

    /// <summary>A file of the account. <see cref="Listed"/> files are the ones a search can find.</summary>
    public sealed record MediaFile(string FileId, double DurationSeconds, MediaFileState State)
    {
        public MediaDetails Details { get; init; } = new();

        public bool Listed { get; init; }
    }

    /// <summary>
    /// The videos the account owns: the generated catalogue (<see cref="MediaCatalogue"/>), files added explicitly
    /// (<c>--media</c>, <c>POST /_emulator/media</c>; they win over the catalogue), and in "open" mode any other
    /// fileId, so tests can invent ids: its duration comes from a stable hash, except the <c>missing-</c> and
    /// <c>unready-</c> prefixes. In closed mode (a <c>--media</c> file) only the catalogue and the listed files exist.
    /// Invented ids exist but are not listed: a search finds only the catalogue and explicit files.
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

        private readonly object gate = new();
        private readonly Dictionary<string, MediaFile> catalogue;
        private readonly Dictionary<string, MediaFile> explicitFiles = new(StringComparer.Ordinal);
        private readonly int seed;
        private readonly DateTimeOffset epoch;
        private MediaFile[]? listedByCreateTime;

        /// <param name="epoch">The emulator's start: the catalogue's create times lead up to it.</param>
        public MediaLibrary(bool open, int librarySize = 0, int seed = 1, DateTimeOffset epoch = default)
        {
            IsOpen = open;
            this.seed = seed;
            this.epoch = new DateTimeOffset(epoch.UtcTicks - (epoch.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
            catalogue = MediaCatalogue.Generate(librarySize, seed, this.epoch).ToDictionary(f => f.FileId, StringComparer.Ordinal);
        }

        public bool IsOpen { get; }

        public Outcome<MediaFile> Find(string fileId)
        {
            lock (gate)
            {
                if (explicitFiles.TryGetValue(fileId, out var file) || catalogue.TryGetValue(fileId, out file)) return file;
            }

            if (!IsOpen || fileId.StartsWith(MissingPrefix, StringComparison.Ordinal))
            {
                return new DomainError(DomainErrorKind.FileNotFound, $"fileId '{fileId}' does not exist.");
            }

            var state = fileId.StartsWith(UnreadyPrefix, StringComparison.Ordinal) ? MediaFileState.Unready : MediaFileState.Normal;
            return new MediaFile(fileId, OpenDurationSeconds(fileId), state) { Details = DefaultDetails(fileId) };
        }

        public void Add(IEnumerable<MediaFile> files)
        {
            lock (gate)
            {
                foreach (var file in files) explicitFiles[file.FileId] = file with { Listed = true };
                listedByCreateTime = null;
            }
        }

        /// <summary>Explicit files survive a reset: they are configuration, not state.</summary>
        public int ExplicitCount
        {
            get
            {
                lock (gate) return explicitFiles.Count;
            }
        }

        /// <summary>Every listed file, oldest first (CreateTime, then FileId): the one stable order searches page through.</summary>
        public IReadOnlyList<MediaFile> Listed()
        {
            lock (gate)
            {
                return listedByCreateTime ??= catalogue.Values.Where(f => !explicitFiles.ContainsKey(f.FileId)).Concat(explicitFiles.Values)
                    .OrderBy(f => f.Details.CreateTime).ThenBy(f => f.FileId, StringComparer.Ordinal).ToArray();
            }
        }

        /// <summary>
        /// Reads <c>{"files":[{"fileId":"…","durationSeconds":95.5,"state":"normal|unready", …}]}</c>, the format of both
        /// <c>--media</c> and <c>POST /_emulator/media</c>. The optional name, description, classId, tags, sourceType,
        /// streamId, createTime, expireTime, storageRegion, category, container, status, width, height and size
        /// override what would be generated for that id.
        /// </summary>
        public IReadOnlyList<MediaFile> ParseFiles(string json)
        {
            var document = JsonSerializer.Deserialize<MediaDocument>(json, FileFormat)
                ?? throw new InvalidDataException("The media document is empty.");
            var files = new List<MediaFile>();
            foreach (var entry in document.Files ?? new List<MediaEntry>())
            {
                if (string.IsNullOrEmpty(entry.FileId)) throw new InvalidDataException("Every media file needs a fileId.");
                if (!(entry.DurationSeconds > 0)) throw new InvalidDataException($"File '{entry.FileId}' needs a positive durationSeconds.");
                files.Add(new MediaFile(entry.FileId, entry.DurationSeconds, entry.State) { Details = entry.Apply(DefaultDetails(entry.FileId)) });
            }

            return files;
        }

        /// <summary>FNV-1a over the UTF-8 bytes: stable across processes and runtimes, unlike string.GetHashCode.</summary>
        public static ulong Fnv1a(string text)
        {
            ulong hash = 14695981039346656037UL;
            foreach (byte b in Encoding.UTF8.GetBytes(text))
            {
                hash = (hash ^ b) * 1099511628211UL;
            }

            return hash;
        }

        public static int OpenDurationSeconds(string fileId) =>
            MinOpenDurationSeconds + (int)(Fnv1a(fileId) % (ulong)(MaxOpenDurationSeconds - MinOpenDurationSeconds + 1));

        /// <summary>Details for an id outside the catalogue, created at a hashed second of the catalogue's 90 days.</summary>
        private MediaDetails DefaultDetails(string fileId)
        {
            long spanSeconds = (long)MediaCatalogue.Span.TotalSeconds;
            var created = epoch.AddSeconds(-(long)(Fnv1a(fileId) % (ulong)spanSeconds) - 1);
            return MediaCatalogue.Describe(fileId, seed, created, (long)(Fnv1a(fileId) % 10000)).Details;
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

            public string? Name { get; set; }

            public string? Description { get; set; }

            public long? ClassId { get; set; }

            public List<string>? Tags { get; set; }

            public string? SourceType { get; set; }

            public string? StreamId { get; set; }

            public DateTimeOffset? CreateTime { get; set; }

            public DateTimeOffset? ExpireTime { get; set; }

            public string? StorageRegion { get; set; }

            public string? Category { get; set; }

            public string? Container { get; set; }

            public string? Status { get; set; }

            public int? Width { get; set; }

            public int? Height { get; set; }

            public long? Size { get; set; }

            public MediaDetails Apply(MediaDetails generated) => generated with
            {
                Name = Name ?? generated.Name,
                Description = Description ?? generated.Description,
                ClassId = ClassId ?? generated.ClassId,
                Tags = Tags ?? generated.Tags,
                SourceType = SourceType ?? generated.SourceType,
                StreamId = StreamId ?? generated.StreamId,
                CreateTime = CreateTime?.ToUniversalTime() ?? generated.CreateTime,
                ExpireTime = ExpireTime?.ToUniversalTime() ?? generated.ExpireTime,
                StorageRegion = StorageRegion ?? generated.StorageRegion,
                Category = Category ?? generated.Category,
                Container = Container ?? generated.Container,
                Status = Status ?? generated.Status,
                Width = Width ?? generated.Width,
                Height = Height ?? generated.Height,
                Size = Size ?? generated.Size,
            };
        }
    }
}
