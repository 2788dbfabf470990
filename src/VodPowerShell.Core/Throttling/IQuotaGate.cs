using System;
using System.Threading;
using System.Threading.Tasks;

namespace VodPowerShell.Core.Throttling
{
    /// <summary>
    /// What the client asks of a quota: a permit before each request, handed back (disposed) when the answer is
    /// in, and told when the service answered "over quota" anyway.
    /// </summary>
    public interface IQuotaGate
    {
        /// <summary>Waits for a permit. Each request, retries included, takes one.</summary>
        ValueTask<IQuotaPermit> WaitAsync(CancellationToken cancellationToken);

        /// <summary>
        /// The caller's input has ended (a batch is draining): every request it will still send is waiting for a
        /// permit or in flight. Dispose the result when they are all answered.
        /// </summary>
        IDisposable Finishing();

        /// <summary>Raised (on any thread) when the adapted rate changes, with a line for -Verbose.</summary>
        event Action<string>? RateChanged;
    }

    /// <summary>One request's permit. Dispose it when the request's answer (or failure) came in.</summary>
    public interface IQuotaPermit : IDisposable
    {
        /// <summary>The service answered this request 4400 / RequestLimitExceeded: someone else shares the key.</summary>
        void Throttled();
    }
}
