using System;
using System.Collections.Generic;

namespace VodPowerShell.Emulator.Domain
{
    public sealed record TaskTimings(TimeSpan Waiting, TimeSpan Processing, double FailureRate, int FailureSeed);

    public sealed record TaskPage(IReadOnlyList<SpriteTask> Tasks, string Next);

    /// <summary>
    /// Every sprite task, in creation order. Tasks finish in creation order (all share the same timings), so a
    /// FIFO of unfinished tasks is enough to find the ones whose completion event is due.
    /// </summary>
    public sealed class TaskStore
    {
        public const string TaskIdPrefix = "CreateImageSprite-";

        /// <summary>Real task-flow ids are "&lt;appId&gt;-Procedure-&lt;hex&gt;"; the emulator has no app id.</summary>
        public const string ProcedureTaskIdPrefix = "Procedure-";

        /// <summary>A media-processing error (docs/protocol.md §7.5: decode failed, file corrupt).</summary>
        public const int FailureStatus = -43001;


        private readonly object gate = new();
        private readonly List<SpriteTask> ordered = new();
        private readonly Dictionary<string, SpriteTask> byId = new(StringComparer.Ordinal);
        private readonly Queue<SpriteTask> unfinished = new();
        private readonly TaskTimings timings;
        private Random failureDraws;

        public TaskStore(TaskTimings timings)
        {
            this.timings = timings;
            failureDraws = new Random(timings.FailureSeed);
        }

        /// <summary>The listener's address, set once it listens: output URLs are absolute URLs on it.</summary>
        public Uri OutputBaseAddress { get; set; } = new("http://127.0.0.1/");

        public int Count
        {
            get
            {
                lock (gate) return ordered.Count;
            }
        }

        public SpriteTask Create(MediaFile file, SpriteTemplate template, SpriteTaskOrigin origin, DateTimeOffset now)
        {
            string prefix = origin == SpriteTaskOrigin.MediaProcessing ? ProcedureTaskIdPrefix : TaskIdPrefix;
            string hex = Guid.NewGuid().ToString("N");
            lock (gate)
            {
                bool fails = timings.FailureRate > 0 && failureDraws.NextDouble() < timings.FailureRate;
                var begin = now + timings.Waiting;
                var task = new SpriteTask(prefix + hex, origin, file, template, now, begin, begin + timings.Processing,
                    fails ? new SpriteResult(FailureStatus, "decode failed: the file is corrupt (emulated)", 0, Array.Empty<string>(), string.Empty)
                          : SuccessfulResult(OutputBaseAddress, file, template));
                ordered.Add(task);
                byId.Add(task.VodTaskId, task);
                unfinished.Enqueue(task);
                return task;
            }
        }

        public Outcome<SpriteTask> Find(string vodTaskId)
        {
            lock (gate)
            {
                if (byId.TryGetValue(vodTaskId, out var task)) return task;
            }

            return new DomainError(DomainErrorKind.TaskNotFound, $"Task '{vodTaskId}' does not exist.");
        }

        /// <summary>
        /// The sprites each file has at <paramref name="now"/>: per file, the latest successful task of each definition,
        /// by definition. What MediaInfo's ImageSpriteInfo lists and what the download endpoint serves.
        /// </summary>
        public Dictionary<string, SortedDictionary<int, SpriteTask>> FinishedSprites(DateTimeOffset now)
        {
            var byFile = new Dictionary<string, SortedDictionary<int, SpriteTask>>(StringComparer.Ordinal);
            lock (gate)
            {
                foreach (var task in ordered)
                {
                    if (task.StatusAt(now) != SpriteTaskStatus.Finish || !task.Result.Succeeded) continue;
                    if (!byFile.TryGetValue(task.File.FileId, out var sprites)) byFile.Add(task.File.FileId, sprites = new SortedDictionary<int, SpriteTask>());
                    sprites[task.Template.Definition] = task;
                }
            }

            return byFile;
        }

        /// <summary>Removes and returns the tasks that have finished by <paramref name="now"/> and were not reported yet.</summary>
        public List<SpriteTask>? TakeNewlyFinished(DateTimeOffset now)
        {
            List<SpriteTask>? finished = null;
            lock (gate)
            {
                while (unfinished.Count > 0 && unfinished.Peek().FinishTime <= now)
                {
                    (finished ??= new List<SpriteTask>()).Add(unfinished.Dequeue());
                }
            }

            return finished;
        }

        /// <summary>
        /// One page of tasks in <paramref name="status"/> (any status when null) at <paramref name="now"/>, oldest first. <paramref name="next"/>
        /// is the id of the last task of the previous page, as Tencent describes the cursor (docs/protocol.md §5.3).
        /// </summary>
        public TaskPage List(SpriteTaskStatus? status, string? fileId, int maxCount, string? next, DateTimeOffset now)
        {
            var page = new List<SpriteTask>(maxCount);
            lock (gate)
            {
                int start = 0;
                if (!string.IsNullOrEmpty(next) && byId.TryGetValue(next, out var cursor))
                {
                    start = ordered.IndexOf(cursor) + 1;
                }

                for (int i = start; i < ordered.Count; i++)
                {
                    var task = ordered[i];
                    if (status is { } wanted && task.StatusAt(now) != wanted) continue;
                    if (fileId != null && !string.Equals(task.File.FileId, fileId, StringComparison.Ordinal)) continue;
                    if (page.Count == maxCount) return new TaskPage(page, page[^1].VodTaskId);
                    page.Add(task);
                }
            }

            return new TaskPage(page, string.Empty);
        }

        public void Clear()
        {
            lock (gate)
            {
                ordered.Clear();
                byId.Clear();
                unfinished.Clear();
                failureDraws = new Random(timings.FailureSeed);
            }
        }

        private static SpriteResult SuccessfulResult(Uri baseAddress, MediaFile file, SpriteTemplate template)
        {
            var layout = SpriteLayout.For(template, file);
            string folder = SpriteUrls.Folder(baseAddress, file.FileId, template.Definition);
            var urls = new string[layout.SheetCount];
            for (int i = 0; i < urls.Length; i++) urls[i] = folder + SpriteUrls.SheetName(i + 1, layout.Format);
            return new SpriteResult(0, string.Empty, layout.ThumbnailCount, urls, folder + SpriteUrls.WebVttName, layout);
        }
    }
}
