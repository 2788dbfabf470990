using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace VodPowerShell.Core.Client
{
    /// <summary>
    /// At most <c>limit</c> operations running at once; their results are handed back to the caller's thread (the
    /// pipeline thread, the only one allowed to write output) in input order, or in completion order when
    /// unordered. In input order, an operation that takes long (a request waiting out a quota error) holds back
    /// the results after it but not the operations after it: up to <see cref="Backlog"/> finished results wait
    /// for it while new operations start. Without that, a run stalled behind every quota error for the error's
    /// whole wait, a second or more, with its other requests done and nothing sent (bench/README.md, "Shared quota").
    /// Memory stays flat however long the input: the running operations and the backlog.
    /// </summary>
    public sealed class InFlightWindow<T>
    {
        /// <summary>
        /// Finished results that may wait for an earlier one in input order. A quota error's wait is a second at
        /// least and grows to several; at API 3.0's 100 requests a second this is ten seconds of work.
        /// </summary>
        public const int Backlog = 1000;

        private readonly int limit;
        private readonly bool ordered;

        /// <summary>Every operation whose result was not handed back yet, in input order.</summary>
        private readonly LinkedList<Task<T>> held = new LinkedList<Task<T>>();

        /// <summary>The operations among them still running (some may have finished since the last look).</summary>
        private readonly List<Task<T>> running = new List<Task<T>>();

        public InFlightWindow(int limit, bool ordered)
        {
            if (limit < 1) throw new ArgumentOutOfRangeException(nameof(limit));
            this.limit = limit;
            this.ordered = ordered;
        }

        /// <summary>Operations whose result was not handed back yet: running, or finished and waiting for an earlier one.</summary>
        public int Count => held.Count;

        /// <summary>Operations not finished yet.</summary>
        public int Running
        {
            get
            {
                running.RemoveAll(operation => operation.IsCompleted);
                return running.Count;
            }
        }

        /// <summary>
        /// Adds an operation, then returns every result that is ready, waiting only while <c>limit</c> operations
        /// run or the backlog is full.
        /// </summary>
        public IEnumerable<T> Add(Task<T> operation)
        {
            held.AddLast(operation);
            running.Add(operation);
            return Take(drain: false);
        }

        /// <summary>Waits for everything still held.</summary>
        public IEnumerable<T> Drain() => Take(drain: true);

        private IEnumerable<T> Take(bool drain)
        {
            while (held.Count > 0)
            {
                Task<T>? next = ReadyOne();
                if (next != null)
                {
                    held.Remove(next);
                    yield return next.GetAwaiter().GetResult();
                    continue;
                }

                int runningNow = Running;
                bool full = runningNow >= limit || held.Count >= limit + Backlog;
                if (!drain && !full) yield break;
                WaitForProgress(runningNow);
            }
        }

        private Task<T>? ReadyOne()
        {
            if (ordered) return held.First!.Value.IsCompleted ? held.First.Value : null;
            foreach (var operation in held)
            {
                if (operation.IsCompleted) return operation;
            }

            return null;
        }

        /// <summary>
        /// In input order with room to run more, only the first operation's end frees anything (a result to hand
        /// back); otherwise any running operation's end does (room to start one more, or a result when unordered).
        /// </summary>
        private void WaitForProgress(int runningNow)
        {
            if (ordered && runningNow < limit) ((IAsyncResult)held.First!.Value).AsyncWaitHandle.WaitOne();
            else Task.WaitAny(running.ToArray());
        }
    }
}
