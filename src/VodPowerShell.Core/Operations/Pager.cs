using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using VodPowerShell.Core.Api;

namespace VodPowerShell.Core.Operations
{
    /// <summary>
    /// A paged operation as a pull-based stream of pages: each <see cref="NextPageAsync"/> makes at most one
    /// call, so a consumer that stops asking stops the calls (PowerShell's <c>Select-Object -First</c>).
    /// A position the service already gave ends the stream with an error instead of a loop.
    /// </summary>
    public sealed class Pager<TRequest, TResult, TItem>
    {
        private readonly PagedOperation<TRequest, TResult, TItem> paged;
        private readonly Func<TRequest, CancellationToken, Task<ApiOutcome<TResult>>> send;
        private readonly HashSet<string> positions = new HashSet<string>(StringComparer.Ordinal);
        private TRequest next;
        private bool finished;
        private ApiOutcome<IReadOnlyList<TItem>>? pendingFailure;

        public Pager(PagedOperation<TRequest, TResult, TItem> paged, Func<TRequest, CancellationToken, Task<ApiOutcome<TResult>>> send, TRequest first)
        {
            this.paged = paged ?? throw new ArgumentNullException(nameof(paged));
            this.send = send ?? throw new ArgumentNullException(nameof(send));
            next = first;
        }

        /// <summary>The last successful answer (a total count, say); default before the first page.</summary>
        public TResult? LastResult { get; private set; }

        /// <summary>The next page; a failed outcome ends the stream; null once there are no more pages.</summary>
        public async Task<ApiOutcome<IReadOnlyList<TItem>>?> NextPageAsync(CancellationToken cancellationToken)
        {
            if (pendingFailure != null)
            {
                var failure = pendingFailure;
                pendingFailure = null;
                return failure;
            }

            if (finished) return null;
            var outcome = await send(next, cancellationToken).ConfigureAwait(false);
            if (!outcome.IsSuccess)
            {
                finished = true;
                return ApiOutcome<IReadOnlyList<TItem>>.Failure(outcome.Error!, outcome.RequestId);
            }

            LastResult = outcome.Value;
            string? position = paged.NextPosition(next, outcome.Value!);
            if (position is null)
            {
                finished = true;
            }
            else if (!positions.Add(position))
            {
                finished = true;
                pendingFailure = ApiOutcome<IReadOnlyList<TItem>>.Failure(OperationErrors.RepeatedCursor(paged.Operation.Name, position), outcome.RequestId);
            }
            else
            {
                next = paged.At(next, position);
            }

            return ApiOutcome<IReadOnlyList<TItem>>.Success(paged.Items(outcome.Value!), message: null, requestId: outcome.RequestId, httpStatus: outcome.HttpStatus);
        }
    }
}
