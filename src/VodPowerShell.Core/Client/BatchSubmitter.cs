using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using VodPowerShell.Core.Errors;
using VodPowerShell.Core.Journal;
using VodPowerShell.Core.Models;

namespace VodPowerShell.Core.Client
{
    /// <summary>
    /// Submits a batch of creates, one per fileId and definition: up to <c>throttleLimit</c> in flight, results
    /// handed back on the caller's thread in input order (or as they complete), every one complete whether it
    /// succeeded or not. With a journal, each request is recorded before it is sent and its outcome after, and a
    /// rerun skips what already has a task and reconciles (<see cref="SubmissionReconciler"/>) what an interrupted
    /// run sent without seeing the answer, so nothing is submitted twice (docs/protocol.md §10).
    /// </summary>
    public sealed class BatchSubmitter
    {
        private readonly VodClient client;
        private readonly SubmissionJournal? journal;
        private readonly CancellationToken cancellationToken;
        private readonly InFlightWindow<ImageSpriteResult> window;
        private readonly HashSet<string> startedThisRun = new HashSet<string>(StringComparer.Ordinal);
        private readonly string endpoint;

        /// <param name="journal">Optional; it stays the caller's to dispose.</param>
        public BatchSubmitter(VodClient client, int throttleLimit, bool ordered, SubmissionJournal? journal, CancellationToken cancellationToken)
        {
            this.client = client ?? throw new ArgumentNullException(nameof(client));
            this.journal = journal;
            this.cancellationToken = cancellationToken;
            window = new InFlightWindow<ImageSpriteResult>(throttleLimit, ordered);
            endpoint = client.Api.Endpoint.ToString();
        }

        /// <summary>Requests still in flight.</summary>
        public int Count => window.Count;

        /// <summary>
        /// Starts one file, then returns every result that is ready, waiting only while the window is full.
        /// Enumerate what it returns before the next call: that is what records the outcomes in the journal.
        /// </summary>
        public IEnumerable<ImageSpriteResult> Submit(string fileId, int definition) => Recorded(window.Add(Start(fileId, definition)));

        /// <summary>
        /// Waits for everything still in flight. These are the run's last requests, and the quota gate is told so
        /// (<see cref="VodClient.Finishing"/>): a few of them may leave sooner.
        /// </summary>
        public IEnumerable<ImageSpriteResult> Drain()
        {
            using (client.Finishing())
            {
                foreach (ImageSpriteResult result in Recorded(window.Drain())) yield return result;
            }
        }

        private IEnumerable<ImageSpriteResult> Recorded(IEnumerable<ImageSpriteResult> ready) => journal is null ? ready : RecordEach(ready, journal);

        /// <summary>Recorded as each result reaches the caller, so the journal never claims more than was reported.</summary>
        private static IEnumerable<ImageSpriteResult> RecordEach(IEnumerable<ImageSpriteResult> ready, SubmissionJournal journal)
        {
            foreach (ImageSpriteResult result in ready)
            {
                if (result.Status != SubmissionStatus.Skipped || result.Reconciled) journal.RecordOutcome(result);
                yield return result;
            }
        }

        private Task<ImageSpriteResult> Start(string fileId, int definition)
        {
            if (journal is null) return client.CreateImageSpriteAsync(fileId, definition, cancellationToken);

            if (!startedThisRun.Add(definition + "\0" + fileId))
            {
                return Task.FromResult(ImageSpriteResult.Skipped(fileId, definition, endpoint, null, "Skipped: the same fileId and definition came earlier in this run."));
            }

            JournalEntry? previous = journal.Lookup(fileId, definition);
            if (previous?.HasTask == true)
            {
                return Task.FromResult(ImageSpriteResult.Skipped(fileId, definition, endpoint, previous.VodTaskId, "Skipped: the journal shows this file already has a task."));
            }

            if (previous != null && (previous.IsIntent || previous.Status == nameof(SubmissionStatus.Unknown)))
            {
                return ResumeInFlightAsync(fileId, definition, previous, journal);
            }

            return SendAsync(fileId, definition, client.IdempotencyKeyFor(fileId, definition), journal);
        }

        /// <summary>The intent is on disk before the request leaves, so a run killed in between leaves a trace to resume.</summary>
        private Task<ImageSpriteResult> SendAsync(string fileId, int definition, string sessionId, SubmissionJournal journal)
        {
            journal.RecordIntent(fileId, definition, DateTimeOffset.UtcNow, sessionId);
            return client.CreateImageSpriteAsync(fileId, definition, cancellationToken, sessionId);
        }

        /// <summary>
        /// An earlier run sent this file and never saw the answer. Look its tasks up before sending: if the
        /// task exists it is adopted, if it provably does not the file is submitted (with the earlier run's
        /// idempotency key, so a task the lookup could not see yet is still refused by the service), otherwise
        /// it stays Unknown.
        /// </summary>
        private async Task<ImageSpriteResult> ResumeInFlightAsync(string fileId, int definition, JournalEntry previous, SubmissionJournal journal)
        {
            ReconcileResult found = await client.FindSubmittedTaskAsync(fileId, definition, previous.At, cancellationToken).ConfigureAwait(false);
            if (found.TaskId != null)
            {
                var adopted = ImageSpriteResult.Skipped(fileId, definition, endpoint, found.TaskId, "Skipped: an interrupted run had submitted it; the task was found among the file's tasks.");
                adopted.Reconciled = true;
                return adopted;
            }

            if (!found.Decided)
            {
                var unknown = new ImageSpriteResult(fileId, definition, endpoint);
                unknown.SetUnknown(new VodError("SubmissionUnknown", VodErrorCategory.InvalidResult, "An interrupted run sent this file without seeing the answer.", RetryPolicy.Never, isAmbiguous: true), found.Reason);
                return unknown;
            }

            return await SendAsync(fileId, definition, previous.SessionId ?? client.IdempotencyKeyFor(fileId, definition), journal).ConfigureAwait(false);
        }
    }
}
