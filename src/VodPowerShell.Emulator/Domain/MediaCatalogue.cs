using System;
using System.Collections.Generic;
using System.Globalization;

namespace VodPowerShell.Emulator.Domain
{
    /// <summary>
    /// The generated library: <c>--library-size</c> listed files with ids, names, classes, tags, sources, regions,
    /// resolutions and durations drawn from <c>--library-seed</c>, created over the 90 days before the emulator
    /// started. The same seed, size and start second give the same library; any other file id gets details the
    /// same way, from a hash of its id.
    /// </summary>
    public static class MediaCatalogue
    {
        public static readonly TimeSpan Span = TimeSpan.FromDays(90);

        /// <summary>Real file ids are 19-digit numbers; these share a prefix so they are easy to tell apart.</summary>
        private const string IdPrefix = "52858908";

        private static readonly string[] Adjectives = ["Morning", "Evening", "Weekly", "Quarterly", "Live", "Classic", "Annual", "Daily", "Summer", "Winter"];
        private static readonly string[] Nouns = ["Briefing", "Match", "Lecture", "Concert", "Review", "Trailer", "Keynote", "Workshop", "Highlights", "Interview"];
        private static readonly string[] TagPool = ["sports", "news", "tutorial", "music", "travel", "kids", "archive", "4k"];
        private static readonly string[] Regions = ["ap-guangzhou", "ap-guangzhou", "ap-shanghai", "ap-chongqing", "ap-singapore"];
        private static readonly (int Width, int Height)[] Resolutions = [(1920, 1080), (1920, 1080), (1280, 720), (3840, 2160), (720, 1280), (1080, 1920)];
        private static readonly string[] VideoContainers = ["mp4", "mp4", "mp4", "mov", "flv"];
        private static readonly string[] AudioContainers = ["m4a", "mp3"];
        private static readonly long[] ClassIds = [0, 10, 11, 12, 12, 20, 21, 22, 30, 31, 32];

        public static string FileIdOf(int index) => IdPrefix + index.ToString("D11", CultureInfo.InvariantCulture);

        /// <summary>The listed files, evenly spread over <see cref="Span"/> before <paramref name="epoch"/> (whole seconds) with some jitter.</summary>
        public static IReadOnlyList<MediaFile> Generate(int size, int seed, DateTimeOffset epoch)
        {
            var files = new MediaFile[size];
            long spanSeconds = (long)Span.TotalSeconds;
            var jitter = new Random(seed);
            for (int i = 0; i < size; i++)
            {
                long offset = spanSeconds * i / Math.Max(1, size) + jitter.Next(0, 60);
                var created = epoch.AddSeconds(-spanSeconds + Math.Min(offset, spanSeconds - 1));
                string fileId = FileIdOf(i);
                var (duration, details) = Describe(fileId, seed, created, i + 1);
                files[i] = new MediaFile(fileId, duration, MediaFileState.Normal) { Details = details, Listed = true };
            }

            return files;
        }

        /// <summary>A file's duration and details, drawn from its id and the seed; <paramref name="number"/> goes into its name.</summary>
        public static (double DurationSeconds, MediaDetails Details) Describe(string fileId, int seed, DateTimeOffset created, long number)
        {
            var draw = new Random(unchecked((int)MediaLibrary.Fnv1a(fileId) ^ seed));
            bool audio = draw.Next(100) < 12;
            var (width, height) = audio ? (0, 0) : Resolutions[draw.Next(Resolutions.Length)];
            int duration = draw.Next(30, 2 * 60 * 60);
            string source = Pick(draw, ["Upload", "Upload", "Upload", "Record", "Record", "VideoProcessing", "TrtcRecord"]);
            long classId = ClassIds[draw.Next(ClassIds.Length)];
            long bitrate = audio ? 128_000 : width >= 3840 ? 12_000_000 : width * (long)height * 2;
            var tags = new List<string>();
            for (int t = draw.Next(0, 4); t > 0; t--)
            {
                string tag = TagPool[draw.Next(TagPool.Length)];
                if (!tags.Contains(tag)) tags.Add(tag);
            }

            string name = $"{Pick(draw, Adjectives)} {Pick(draw, Nouns)} {number.ToString("D4", CultureInfo.InvariantCulture)}";
            var details = new MediaDetails
            {
                Name = name,
                Description = $"Generated {(audio ? "audio" : "video")} in {MediaClasses.PathOf(classId)}",
                ClassId = classId,
                Tags = tags,
                SourceType = source,
                StreamId = source == "Record" ? "stream-" + draw.Next(1, 21).ToString(CultureInfo.InvariantCulture) : string.Empty,
                CreateTime = created,
                ExpireTime = draw.Next(100) < 10 ? created.AddDays(draw.Next(100, 200)) : null,
                StorageRegion = Pick(draw, Regions),
                Category = audio ? "Audio" : "Video",
                Container = audio ? Pick(draw, AudioContainers) : Pick(draw, VideoContainers),
                Status = draw.Next(100) < 3 ? "Forbidden" : "Normal",
                Width = width,
                Height = height,
                Bitrate = bitrate,
                Size = bitrate / 8 * duration,
            };
            return (duration, details);
        }

        private static string Pick(Random draw, string[] values) => values[draw.Next(values.Length)];
    }
}
