using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace VodPowerShell.Emulator.Domain
{
    /// <summary>
    /// The emulated VOD account: the operations every front end (v2 today, API 3.0 later) calls, with results
    /// and errors that know nothing about any wire format.
    /// </summary>
    public sealed class VodService
    {
        /// <summary>How often a long poll re-checks the clock, for tasks finishing or events becoming visible again.</summary>
        private static readonly TimeSpan LongPollRecheck = TimeSpan.FromMilliseconds(50);

        private readonly TimeProvider clock;
        private readonly Action<ImageSpriteCompletedEvent>? push;
        private long eventSequence;

        /// <param name="push">When set, events go to this callback (push mode) instead of the pull queue, as the real service uses one mode or the other.</param>
        public VodService(TimeProvider clock, MediaLibrary media, TaskStore tasks, EventQueue events, Action<ImageSpriteCompletedEvent>? push = null)
        {
            this.clock = clock;
            this.push = push;
            Media = media;
            Tasks = tasks;
            Events = events;
        }

        public MediaLibrary Media { get; }

        public SpriteTemplateStore Templates { get; } = new();

        public TaskStore Tasks { get; }

        public EventQueue Events { get; }

        public DateTimeOffset Now => clock.GetUtcNow();

        public SessionIds Sessions { get; } = new();

        /// <summary>
        /// Starts a sprite task. With a <paramref name="sessionId"/> (API 3.0's idempotency key) a second request
        /// carrying the same one within the window is refused and makes no task.
        /// </summary>
        public Outcome<SpriteTask> CreateImageSprite(string fileId, int definition, SpriteTaskOrigin origin, string? sessionId = null)
        {
            if (string.IsNullOrEmpty(sessionId)) return CreateImageSpriteOnce(fileId, definition, origin);
            if (!Sessions.TryReserve(sessionId!, Now))
            {
                return new DomainError(DomainErrorKind.DuplicateSession, $"a request with SessionId '{sessionId}' was already accepted; it was not processed again.");
            }

            var outcome = CreateImageSpriteOnce(fileId, definition, origin);
            if (outcome.Error != null) Sessions.Release(sessionId!);
            return outcome;
        }

        private Outcome<SpriteTask> CreateImageSpriteOnce(string fileId, int definition, SpriteTaskOrigin origin)
        {
            // The v2 API only knows the preset: custom templates are an API 3.0 feature.
            if (!Templates.TryGet(definition, out var template) || (origin == SpriteTaskOrigin.ImageSpriteAction && !template.IsPreset))
            {
                return new DomainError(DomainErrorKind.DefinitionNotFound, $"definition {definition} is not a sprite template.");
            }

            var file = Media.Find(fileId);
            if (file.Error != null) return file.Error;
            if (file.Value!.State != MediaFileState.Normal)
            {
                return new DomainError(DomainErrorKind.FileNotReady, $"fileId '{fileId}' is {file.Value.State} and cannot be processed yet.");
            }

            PublishDueEvents();
            return Tasks.Create(file.Value, template, origin, Now);
        }

        public Outcome<SpriteTask> GetTask(string vodTaskId)
        {
            PublishDueEvents();
            return Tasks.Find(vodTaskId);
        }

        /// <summary>The largest page either API allows; each front end may also have a smaller minimum of its own.</summary>
        public const int MaxListCount = 100;

        public Outcome<TaskPage> ListTasks(SpriteTaskStatus? status, string? fileId, int maxCount, string? next)
        {
            if (maxCount < 1 || maxCount > MaxListCount)
            {
                return new DomainError(DomainErrorKind.InvalidParameter, $"The page size must be between 1 and {MaxListCount}.");
            }

            PublishDueEvents();
            return Tasks.List(status, fileId, maxCount, next, Now);
        }

        /// <summary>Returns at once when events are visible; otherwise waits up to <paramref name="longPoll"/> (real time) for one.</summary>
        public async Task<List<LeasedEvent>> PullEventsAsync(TimeSpan longPoll, CancellationToken cancellationToken)
        {
            long deadline = Environment.TickCount64 + (long)longPoll.TotalMilliseconds;
            while (true)
            {
                Task published = Events.NextPublication;
                PublishDueEvents();
                var leased = Events.TryLease(Now);
                long remaining = deadline - Environment.TickCount64;
                if (leased.Count > 0 || remaining <= 0 || cancellationToken.IsCancellationRequested) return leased;

                var wait = TimeSpan.FromMilliseconds(Math.Min(remaining, LongPollRecheck.TotalMilliseconds));
                await Task.WhenAny(published, Task.Delay(wait, cancellationToken)).ConfigureAwait(false);
            }
        }

        public DomainError? ConfirmEvents(IReadOnlyList<string> handles) => Events.Confirm(handles, Now);

        /// <summary>Raises the completion event of every task that has finished by now. Idempotent and cheap.</summary>
        public void PublishDueEvents()
        {
            var finished = Tasks.TakeNewlyFinished(Now);
            if (finished == null) return;
            foreach (var task in finished)
            {
                var evt = new ImageSpriteCompletedEvent(Interlocked.Increment(ref eventSequence), task);
                if (push != null) push(evt);
                else Events.Publish(evt, Now);
            }
        }

        /// <summary>Forgets tasks and events; the media library is configuration and stays.</summary>
        public void Reset()
        {
            Tasks.Clear();
            Events.Clear();
            Sessions.Clear();
        }
    }
}
