using System;

namespace VodPowerShell.Core.Models
{
    /// <summary>A processing task as Get-VodTask and Wait-VodTask show it.</summary>
    public sealed class VodTask : SpriteOutput
    {
        public string? TaskType { get; internal set; }

        public VodTaskStatus Status { get; internal set; }

        public DateTimeOffset? CreateTime { get; internal set; }

        public DateTimeOffset? BeginProcessTime { get; internal set; }

        public DateTimeOffset? FinishTime { get; internal set; }

        /// <summary>API 3.0 only.</summary>
        public string? RequestId { get; internal set; }

        public string? Endpoint { get; internal set; }

        /// <summary>The VOD sub-application the task was looked up in (API 3.0 only).</summary>
        public ulong? SubAppId { get; internal set; }

        public bool IsFinished => Status == VodTaskStatus.Finish;

        /// <summary>True once finished without an error code; null while still running.</summary>
        public bool? Succeeded => IsFinished ? ErrorCode.GetValueOrDefault() == 0 : (bool?)null;

        public override string ToString() => $"{TaskId} {Status}";
    }
}
