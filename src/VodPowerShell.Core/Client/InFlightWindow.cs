using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace VodPowerShell.Core.Client
{
    /// <summary>
    /// At most <c>limit</c> operations in flight; their results are handed back to the caller's thread (the
    /// pipeline thread, the only one allowed to write output) in input order, or in completion order when
    /// unordered. Holds nothing beyond the operations in flight, so memory stays flat however long the input.
    /// </summary>
    public sealed class InFlightWindow<T>
    {
        private readonly int limit;
        private readonly bool ordered;
        private readonly LinkedList<Task<T>> inFlight = new LinkedList<Task<T>>();

        public InFlightWindow(int limit, bool ordered)
        {
            if (limit < 1) throw new ArgumentOutOfRangeException(nameof(limit));
            this.limit = limit;
            this.ordered = ordered;
        }

        public int Count => inFlight.Count;

        /// <summary>Adds an operation, then returns every result that is ready, waiting only while the window is full.</summary>
        public IEnumerable<T> Add(Task<T> operation)
        {
            inFlight.AddLast(operation);
            return Take(untilBelow: limit);
        }

        /// <summary>Waits for everything still in flight.</summary>
        public IEnumerable<T> Drain() => Take(untilBelow: 1);

        private IEnumerable<T> Take(int untilBelow)
        {
            while (inFlight.Count > 0)
            {
                Task<T>? next = ReadyOne();
                if (next is null)
                {
                    if (inFlight.Count < untilBelow) yield break;
                    next = WaitOne();
                }

                inFlight.Remove(next);
                yield return next.GetAwaiter().GetResult();
            }
        }

        private Task<T>? ReadyOne()
        {
            if (ordered) return inFlight.First!.Value.IsCompleted ? inFlight.First.Value : null;
            foreach (var operation in inFlight)
            {
                if (operation.IsCompleted) return operation;
            }

            return null;
        }

        private Task<T> WaitOne()
        {
            if (ordered)
            {
                ((IAsyncResult)inFlight.First!.Value).AsyncWaitHandle.WaitOne();
                return inFlight.First.Value;
            }

            var all = new Task<T>[inFlight.Count];
            inFlight.CopyTo(all, 0);
            return all[Task.WaitAny(all)];
        }
    }
}
