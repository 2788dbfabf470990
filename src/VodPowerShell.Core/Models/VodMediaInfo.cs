using System;
using System.Collections.Generic;

namespace VodPowerShell.Core.Models
{
    /// <summary>
    /// One media file as SearchMedia and DescribeMediaInfos describe it (MediaInfo's BasicInfo, MetaData and
    /// ImageSpriteInfo; docs/protocol.md §6). <see cref="FileId"/> binds to New-VodImageSprite by property name;
    /// <see cref="ImageSprites"/> lists the sprites the file already has, so "files without sprites" is a filter.
    /// </summary>
    public sealed class VodMediaInfo
    {
        public string FileId { get; internal set; } = string.Empty;

        public string? Name { get; internal set; }

        public string? Description { get; internal set; }

        public DateTimeOffset? CreateTime { get; internal set; }

        public DateTimeOffset? ExpireTime { get; internal set; }

        public long? ClassId { get; internal set; }

        public string? ClassName { get; internal set; }

        public string? ClassPath { get; internal set; }

        /// <summary>The container (BasicInfo.Type): mp4, mov, mp3, …</summary>
        public string? Type { get; internal set; }

        /// <summary>Video, Audio or Image.</summary>
        public string? Category { get; internal set; }

        public string? SourceType { get; internal set; }

        public string? StreamId { get; internal set; }

        public string? StorageRegion { get; internal set; }

        public string? Status { get; internal set; }

        public IReadOnlyList<string> Tags { get; internal set; } = Array.Empty<string>();

        /// <summary>Seconds.</summary>
        public double? Duration { get; internal set; }

        /// <summary>Bytes.</summary>
        public long? Size { get; internal set; }

        public int? Width { get; internal set; }

        public int? Height { get; internal set; }

        public string? MediaUrl { get; internal set; }

        public string? CoverUrl { get; internal set; }

        public IReadOnlyList<MediaImageSprite> ImageSprites { get; internal set; } = Array.Empty<MediaImageSprite>();

        public string? Endpoint { get; internal set; }

        public ulong? SubAppId { get; internal set; }

        public override string ToString() => FileId;
    }
}
