using System;
using System.Threading;
using System.Threading.Tasks;
using VodPowerShell.Core.Http;
using VodPowerShell.Core.Operations;

namespace VodPowerShell.Core.Api
{
    /// <summary>
    /// One generic send per API version, so cmdlets and the client never build URLs, sign or parse JSON: every
    /// action is a <see cref="VodOperation{TRequest, TResult}"/> (Operations/). A service error is a failed
    /// <see cref="ApiOutcome{T}"/>; a network or protocol failure throws <see cref="Errors.VodException"/>.
    /// Implementations own their signing key.
    /// </summary>
    public interface IVodApi : IDisposable
    {
        ApiVersion Version { get; }

        VodEndpoint Endpoint { get; }

        /// <summary>The VOD sub-application requests act in (API 3.0 only); null for v2 or the main application.</summary>
        ulong? SubAppId { get; }

        /// <summary>
        /// Sends any declared operation once (the generic send; retries are the client's). An operation this
        /// version does not have fails with <see cref="OperationErrors.NotInVersion"/>, and nothing is sent.
        /// </summary>
        Task<ApiOutcome<TResult>> SendOperationAsync<TRequest, TResult>(VodOperation<TRequest, TResult> operation, TRequest request, CancellationToken cancellationToken);
    }
}
