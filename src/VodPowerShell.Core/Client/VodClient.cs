using System;
using System.Threading;
using System.Threading.Tasks;
using VodPowerShell.Core.Api;
using VodPowerShell.Core.Errors;
using VodPowerShell.Core.Models;
using VodPowerShell.Core.Operations;
using VodPowerShell.Core.Throttling;

namespace VodPowerShell.Core.Client
{
    /// <summary>
    /// Sends any declared operation (<see cref="SendAsync"/>) over any API version, with retries and quota, and
    /// submits sprites with lost-answer reconciliation. Failures come back inside the
    /// outcome, so a caller processing thousands of items never has to catch per item.
    /// </summary>
    public sealed class VodClient : IDisposable
    {
        /// <summary>4400 is retried without using up MaximumRetryCount (it says nothing about the file), up to this many times.</summary>
        public const int MaximumQuotaRetries = 50;

        private readonly IVodApi api;
        private readonly RetryOptions retry;
        private readonly IQuotaGate? gate;
        private readonly string runSalt = IdempotencyKey.NewRunSalt();
        private readonly Action? detach;
        private readonly string endpointText;
        private readonly SubmissionReconciler reconciler;

        /// <param name="detach">Run on <see cref="Dispose"/>: undoes what the factory attached to shared state (a quota gate's listeners).</param>
        public VodClient(IVodApi api, RetryOptions? retry = null, IQuotaGate? gate = null, Action? detach = null)
        {
            this.api = api ?? throw new ArgumentNullException(nameof(api));
            this.retry = retry ?? new RetryOptions();
            this.gate = gate;
            this.detach = detach;
            endpointText = api.Endpoint.ToString();
            reconciler = new SubmissionReconciler(this);
        }

        public IVodApi Api => api;

        /// <summary>The idempotency key this client sends for a file and definition (the same on every attempt in this run).</summary>
        public string IdempotencyKeyFor(string fileId, int definition) => IdempotencyKey.For(runSalt, fileId, definition);

        /// <summary>
        /// Submits one file. When the answer is lost or shows that an earlier copy of the request reached the
        /// service (a spent Nonce, a repeated SessionId), the file's recent sprite tasks are looked up before
        /// anything is resent; when that cannot decide, the result is <see cref="SubmissionStatus.Unknown"/>
        /// rather than a guess. Every attempt carries the same idempotency key, <paramref name="sessionId"/> or
        /// <see cref="IdempotencyKeyFor"/>, so the service itself refuses a second task where it can (API 3.0).
        /// </summary>
        public async Task<ImageSpriteResult> CreateImageSpriteAsync(string fileId, int definition, CancellationToken cancellationToken, string? sessionId = null)
        {
            var result = new ImageSpriteResult(fileId, definition, endpointText) { SubAppId = api.SubAppId };
            string key = sessionId ?? IdempotencyKeyFor(fileId, definition);
            if (api.Version == ApiVersion.V3) result.SessionId = key;
            var request = new ImageSpriteRequest(fileId, definition, key);
            while (true)
            {
                DateTimeOffset sentAt = DateTimeOffset.UtcNow;
                var sent = await ExecuteAsync(token => api.SendOperationAsync(TaskOperations.CreateImageSprite, request, token), TaskOperations.CreateImageSprite.IsIdempotent, cancellationToken).ConfigureAwait(false);
                ApiOutcome<string> outcome = sent.Outcome;
                result.Attempts += sent.Attempts;
                if (outcome.IsSuccess)
                {
                    result.SetSucceeded(outcome.Value, outcome.Code ?? 0, outcome.Message, outcome.CodeDesc, outcome.RequestId, DateTimeOffset.UtcNow);
                    return result;
                }

                if (!outcome.Error!.IsAmbiguous)
                {
                    result.SetFailed(outcome.Error, outcome.RequestId);
                    return result;
                }

                var found = await reconciler.FindAsync(fileId, definition, sentAt, cancellationToken).ConfigureAwait(false);
                if (found.TaskId != null)
                {
                    result.SetSucceeded(found.TaskId, 0, "Reconciled: the answer was lost or showed an earlier copy of the request; the task was found among the file's tasks.", null, null, sentAt);
                    result.Reconciled = true;
                    return result;
                }

                if (!found.Decided || outcome.Error.WasAccepted || result.Attempts > retry.MaximumRetryCount)
                {
                    result.SetUnknown(outcome.Error, !found.Decided ? found.Reason
                        : outcome.Error.WasAccepted ? "the service says an earlier copy was accepted, but its task was not among the file's tasks"
                        : "no task was found, and the retry limit was reached");
                    return result;
                }

                // The lookup proved no task exists: sending again cannot duplicate one.
                await retry.Delay(retry.BackoffFor(result.Attempts), cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// Finds the sprite task a lost submission may have created, for resuming a journal with in-flight
        /// intents. <paramref name="sentAfter"/> is when the request was about to be sent.
        /// </summary>
        internal Task<ReconcileResult> FindSubmittedTaskAsync(string fileId, int definition, DateTimeOffset sentAfter, CancellationToken cancellationToken) =>
            reconciler.FindAsync(fileId, definition, sentAfter, cancellationToken);

        /// <summary>
        /// Runs any declared operation through the retry and quota pipeline, resending after a lost answer only
        /// when the descriptor says it is idempotent. An operation the API version lacks fails at once, unsent.
        /// </summary>
        public async Task<ApiOutcome<TResult>> SendAsync<TRequest, TResult>(VodOperation<TRequest, TResult> operation, TRequest request, CancellationToken cancellationToken)
        {
            if (!operation.Supports(api.Version)) return ApiOutcome<TResult>.Failure(OperationErrors.NotInVersion(operation.Name, api.Version));
            return (await ExecuteAsync(token => api.SendOperationAsync(operation, request, token), operation.IsIdempotent, cancellationToken).ConfigureAwait(false)).Outcome;
        }

        /// <summary>A paged operation as a stream of pages, each sent through <see cref="SendAsync"/>.</summary>
        public Pager<TRequest, TResult, TItem> Pages<TRequest, TResult, TItem>(PagedOperation<TRequest, TResult, TItem> paged, TRequest first) =>
            new Pager<TRequest, TResult, TItem>(paged, (request, token) => SendAsync(paged.Operation, request, token), first);

        /// <summary>Every match of a search, exactly once, past the service's 5,000-result window.</summary>
        public MediaSearch SearchMedia(MediaSearchRequest filter, int pageSize = MediaSearch.DefaultPageSize) =>
            new MediaSearch((request, token) => SendAsync(MediaOperations.SearchMedia, request, token), filter, pageSize);

        /// <summary>
        /// The caller's input has ended: every request it still sends is waiting for the quota or in flight, and as
        /// the last of the run they may leave sooner (<see cref="IQuotaGate.Finishing"/>). Dispose it when they are answered.
        /// </summary>
        public IDisposable Finishing() => gate?.Finishing() ?? NoGate.Instance;

        public void Dispose()
        {
            detach?.Invoke();
            api.Dispose();
        }

        /// <summary>
        /// Calls until the service answers with success or a failure retrying cannot fix. A lost answer
        /// (<see cref="VodError.IsAmbiguous"/>) is retried only for idempotent calls: resending a create could
        /// start the same work twice.
        /// </summary>
        /// <remarks>A class result, not a value tuple: see <see cref="Http.HttpAnswer"/>.</remarks>
        private async Task<Sent<T>> ExecuteAsync<T>(Func<CancellationToken, Task<ApiOutcome<T>>> call, bool idempotent, CancellationToken cancellationToken)
        {
            bool resigned = false;
            int quotaRetries = 0;
            for (int attempt = 1; ; attempt++)
            {
                ApiOutcome<T> outcome;
                using (IQuotaPermit? permit = gate is null ? null : await gate.WaitAsync(cancellationToken).ConfigureAwait(false))
                {
                    try
                    {
                        outcome = await call(cancellationToken).ConfigureAwait(false);
                    }
                    catch (VodException ex)
                    {
                        outcome = ApiOutcome<T>.Failure(ex.Error);
                    }

                    if (outcome.Error?.Retry == RetryPolicy.Backoff) permit?.Throttled();
                }

                VodError? error = outcome.Error;
                if (error is null) return new Sent<T>(outcome, attempt);

                if (error.Retry == RetryPolicy.Backoff && quotaRetries++ < MaximumQuotaRetries)
                {
                    // Over quota: nothing is wrong with this request. The permit told the gate, which slows everyone
                    // on this key down; this request tries again after a pause of its own.
                    await retry.Delay(retry.QuotaWaitFor(quotaRetries), cancellationToken).ConfigureAwait(false);
                    attempt--;
                    continue;
                }

                bool again = (error.IsAmbiguous && !idempotent) ? false : error.Retry switch
                {
                    RetryPolicy.ResignOnce => !resigned,
                    RetryPolicy.Never => idempotent && error.IsAmbiguous && attempt <= retry.MaximumRetryCount,
                    _ => attempt <= retry.MaximumRetryCount,
                };
                if (!again) return new Sent<T>(outcome, attempt);

                if (error.Retry == RetryPolicy.ResignOnce)
                {
                    resigned = true;
                }
                else
                {
                    await retry.Delay(retry.BackoffFor(attempt), cancellationToken).ConfigureAwait(false);
                }
            }
        }

        /// <summary>What <see cref="Finishing"/> returns without a quota gate: nothing to undo.</summary>
        private sealed class NoGate : IDisposable
        {
            public static readonly NoGate Instance = new NoGate();

            public void Dispose()
            {
            }
        }

        /// <summary>An operation's last outcome and how many times it was sent to get it.</summary>
        private sealed class Sent<T>
        {
            public Sent(ApiOutcome<T> outcome, int attempts)
            {
                Outcome = outcome;
                Attempts = attempts;
            }

            public ApiOutcome<T> Outcome { get; }

            public int Attempts { get; }
        }
    }
}
