using System;
using System.Collections.Generic;

namespace VodPowerShell.Emulator.Domain
{
    public enum SpriteTaskStatus
    {
        Waiting,
        Processing,
        Finish,
    }

    /// <summary>
    /// What a finished task produced: either sprites (with the <see cref="Layout"/> the download endpoint renders) or a
    /// media-processing error (<see cref="Status"/> != 0).
    /// </summary>
    public sealed record SpriteResult(int Status, string Message, int TotalCount, IReadOnlyList<string> ImageSpriteUrls, string WebVttUrl, SpriteLayout? Layout = null)
    {
        public bool Succeeded => Status == 0;
    }

    /// <summary>
    /// One sprite task, from either CreateImageSprite or ProcessMedia. Its timeline is fixed when it is created, so its status at any instant is a
    /// pure function of the clock and nothing has to run for it to progress.
    /// </summary>
    public sealed class SpriteTask
    {
        public SpriteTask(string vodTaskId, SpriteTaskOrigin origin, MediaFile file, SpriteTemplate template, DateTimeOffset createTime, DateTimeOffset beginProcessTime, DateTimeOffset finishTime, SpriteResult result)
        {
            VodTaskId = vodTaskId;
            Origin = origin;
            File = file;
            Template = template;
            CreateTime = createTime;
            BeginProcessTime = beginProcessTime;
            FinishTime = finishTime;
            Result = result;
        }

        public string VodTaskId { get; }

        public SpriteTaskOrigin Origin { get; }

        public MediaFile File { get; }

        public SpriteTemplate Template { get; }

        public DateTimeOffset CreateTime { get; }

        public DateTimeOffset BeginProcessTime { get; }

        public DateTimeOffset FinishTime { get; }

        /// <summary>Decided at creation (seeded), revealed only once the task is <see cref="SpriteTaskStatus.Finish"/>.</summary>
        public SpriteResult Result { get; }

        public SpriteTaskStatus StatusAt(DateTimeOffset now) =>
            now >= FinishTime ? SpriteTaskStatus.Finish
            : now >= BeginProcessTime ? SpriteTaskStatus.Processing
            : SpriteTaskStatus.Waiting;
    }
}
