using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using VodPowerShell.Core.Api;
using VodPowerShell.Core.Errors;
using VodPowerShell.Core.Models;

namespace VodPowerShell.Core.Client
{
    /// <summary>
    /// The operations the cmdlets offer, over any API version, with retries. Failures come back inside the
    /// outcome, so a caller processing thousands of items never has to catch per item.
    /// </summary>
    public sealed class VodClient : IDisposable
    {
        private readonly IVodApi api;
        private readonly RetryOptions retry;

        public VodClient(IVodApi api, RetryOptions? retry = null)
        {
            this.api = api ?? throw new ArgumentNullException(nameof(api));
            this.retry = retry ?? new RetryOptions();
        }

        public IVodApi Api => api;

        public async Task<ImageSpriteResult> CreateImageSpriteAsync(string fileId, int definition, CancellationToken cancellationToken)
        {
            var result = new ImageSpriteResult(fileId, definition, api.Endpoint.ToString()) { SubAppId = api.SubAppId };
            var (outcome, attempts) = await ExecuteAsync(token => api.CreateImageSpriteAsync(fileId, definition, token), idempotent: false, cancellationToken).ConfigureAwait(false);
            result.Attempts = attempts;
            if (outcome.IsSuccess)
            {
                result.SetSucceeded(outcome.Value, outcome.Code ?? 0, outcome.Message, outcome.CodeDesc, outcome.RequestId, DateTimeOffset.UtcNow);
            }
            else
            {
                result.SetFailed(outcome.Error!, outcome.RequestId);
            }

            return result;
        }

        public async Task<ApiOutcome<VodTask>> GetTaskAsync(string taskId, CancellationToken cancellationToken) =>
            (await ExecuteAsync(token => api.GetTaskAsync(taskId, token), idempotent: true, cancellationToken).ConfigureAwait(false)).Outcome;

        public async Task<ApiOutcome<TaskPage>> ListTasksAsync(VodTaskStatus status, string? fileId, int maxCount, string? next, CancellationToken cancellationToken) =>
            (await ExecuteAsync(token => api.ListTasksAsync(status, fileId, maxCount, next, token), idempotent: true, cancellationToken).ConfigureAwait(false)).Outcome;

        /// <summary>Pulling again is harmless: an event stays queued until it is confirmed.</summary>
        public async Task<ApiOutcome<IReadOnlyList<VodEvent>>> PullEventsAsync(CancellationToken cancellationToken) =>
            (await ExecuteAsync(token => api.PullEventsAsync(token), idempotent: true, cancellationToken).ConfigureAwait(false)).Outcome;

        public async Task<ApiOutcome<int>> ConfirmEventsAsync(IReadOnlyList<string> eventHandles, CancellationToken cancellationToken) =>
            (await ExecuteAsync(token => api.ConfirmEventsAsync(eventHandles, token), idempotent: true, cancellationToken).ConfigureAwait(false)).Outcome;

        public void Dispose() => api.Dispose();

        /// <summary>
        /// Calls until the service answers with success or a failure retrying cannot fix. A lost answer
        /// (<see cref="VodError.IsAmbiguous"/>) is retried only for idempotent calls: resending a create could
        /// start the same work twice.
        /// </summary>
        private async Task<(ApiOutcome<T> Outcome, int Attempts)> ExecuteAsync<T>(Func<CancellationToken, Task<ApiOutcome<T>>> call, bool idempotent, CancellationToken cancellationToken)
        {
            bool resigned = false;
            for (int attempt = 1; ; attempt++)
            {
                ApiOutcome<T> outcome;
                try
                {
                    outcome = await call(cancellationToken).ConfigureAwait(false);
                }
                catch (VodException ex)
                {
                    outcome = ApiOutcome<T>.Failure(ex.Error);
                }

                VodError? error = outcome.Error;
                if (error is null) return (outcome, attempt);

                bool again = (error.IsAmbiguous && !idempotent) ? false : error.Retry switch
                {
                    RetryPolicy.ResignOnce => !resigned,
                    RetryPolicy.Never => idempotent && error.IsAmbiguous && attempt <= retry.MaximumRetryCount,
                    _ => attempt <= retry.MaximumRetryCount,
                };
                if (!again) return (outcome, attempt);

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
    }
}
