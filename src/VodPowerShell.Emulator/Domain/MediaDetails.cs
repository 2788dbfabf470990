using System;
using System.Collections.Generic;

namespace VodPowerShell.Emulator.Domain
{
    /// <summary>
    /// What SearchMedia and DescribeMediaInfos tell about a file besides its id and duration (BasicInfo and MetaData).
    /// A null <see cref="ExpireTime"/> never expires (the service writes 9999-12-31T23:59:59Z).
    /// </summary>
    public sealed record MediaDetails
    {
        public string Name { get; init; } = string.Empty;

        public string Description { get; init; } = string.Empty;

        public long ClassId { get; init; }

        public IReadOnlyList<string> Tags { get; init; } = Array.Empty<string>();

        /// <summary>Upload, Record, VideoProcessing, TrtcRecord, …</summary>
        public string SourceType { get; init; } = "Upload";

        /// <summary>The live stream a Record file came from; empty otherwise.</summary>
        public string StreamId { get; init; } = string.Empty;

        public DateTimeOffset CreateTime { get; init; }

        public DateTimeOffset? ExpireTime { get; init; }

        public string StorageRegion { get; init; } = "ap-guangzhou";

        /// <summary>Video, Audio or Image (SearchMedia's Categories).</summary>
        public string Category { get; init; } = "Video";

        /// <summary>The container (BasicInfo.Type, MetaData.Container, SearchMedia's MediaTypes): mp4, mov, flv, m4a, mp3.</summary>
        public string Container { get; init; } = "mp4";

        /// <summary>Normal, Forbidden or SystemForbidden.</summary>
        public string Status { get; init; } = "Normal";

        /// <summary>0 for audio.</summary>
        public int Width { get; init; }

        public int Height { get; init; }

        public long Size { get; init; }

        public long Bitrate { get; init; }
    }

    /// <summary>The account's category tree (ClassId 0 is the service's "uncategorised"); SearchMedia's ClassIds include subcategories.</summary>
    public static class MediaClasses
    {
        private static readonly Dictionary<long, (string Name, long Parent)> Tree = new()
        {
            [0] = ("Other", -1),
            [10] = ("Movies", -1),
            [11] = ("History", 10),
            [12] = ("Action", 10),
            [20] = ("Lectures", -1),
            [21] = ("Physics", 20),
            [22] = ("Chemistry", 20),
            [30] = ("Recordings", -1),
            [31] = ("Sports", 30),
            [32] = ("Events", 30),
        };

        public static IReadOnlyCollection<long> Ids => Tree.Keys;

        public static string NameOf(long classId) => Tree.TryGetValue(classId, out var node) ? node.Name : string.Empty;

        /// <summary>Names from the root down, joined by '-', as the service's ClassPath reads.</summary>
        public static string PathOf(long classId)
        {
            var names = new List<string>();
            for (long id = classId; Tree.TryGetValue(id, out var node); id = node.Parent) names.Insert(0, node.Name);
            return string.Join("-", names);
        }

        /// <summary>True when <paramref name="classId"/> is <paramref name="ancestor"/> or one of its subcategories.</summary>
        public static bool IsWithin(long classId, long ancestor)
        {
            for (long id = classId; Tree.TryGetValue(id, out var node); id = node.Parent)
            {
                if (id == ancestor) return true;
            }

            return classId == ancestor;
        }
    }
}
