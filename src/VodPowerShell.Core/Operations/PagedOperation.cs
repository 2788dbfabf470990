using System;
using System.Collections.Generic;

namespace VodPowerShell.Core.Operations
{
    /// <summary>
    /// The page shape of an operation that pages: the items of one answer, the position of the next page
    /// (a cursor or an offset, as text; null after the last page) and the request for a given position.
    /// <see cref="Pager{TRequest, TResult, TItem}"/> turns it into a stream of pages.
    /// </summary>
    public sealed class PagedOperation<TRequest, TResult, TItem>
    {
        public PagedOperation(VodOperation<TRequest, TResult> operation, Func<TResult, IReadOnlyList<TItem>> items,
            Func<TRequest, TResult, string?> nextPosition, Func<TRequest, string, TRequest> at)
        {
            Operation = operation ?? throw new ArgumentNullException(nameof(operation));
            Items = items ?? throw new ArgumentNullException(nameof(items));
            NextPosition = nextPosition ?? throw new ArgumentNullException(nameof(nextPosition));
            At = at ?? throw new ArgumentNullException(nameof(at));
        }

        public VodOperation<TRequest, TResult> Operation { get; }

        public Func<TResult, IReadOnlyList<TItem>> Items { get; }

        public Func<TRequest, TResult, string?> NextPosition { get; }

        public Func<TRequest, string, TRequest> At { get; }
    }
}
