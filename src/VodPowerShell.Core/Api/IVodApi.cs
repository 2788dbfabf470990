using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using VodPowerShell.Core.Http;
using VodPowerShell.Core.Models;
using VodPowerShell.Core.Operations;

namespace VodPowerShell.Core.Api
{
    /// <summary>
    /// The operations the module needs, one implementation per API version, so cmdlets and the client never
    /// build URLs, sign or parse JSON. A service error is a failed <see cref="ApiOutcome{T}"/>; a network or
    /// protocol failure throws <see cref="Errors.VodException"/>. Implementations own their signing key.
    /// </summary>
    public interface IVodApi : IDisposable
    {
        ApiVersion Version { get; }

        VodEndpoint Endpoint { get; }

        /// <summary>The VOD sub-application requests act in (API 3.0 only); null for v2 or the main application.</summary>
        ulong? SubAppId { get; }

        /// <summary>
        /// Starts image-sprite capture; the value is the task id. <paramref name="sessionId"/> is the idempotency
        /// key (API 3.0's SessionId, see <see cref="Client.IdempotencyKey"/>); v2 has none and ignores it.
        /// </summary>
        Task<ApiOutcome<string>> CreateImageSpriteAsync(string fileId, int definition, CancellationToken cancellationToken, string? sessionId = null);

        Task<ApiOutcome<VodTask>> GetTaskAsync(string taskId, CancellationToken cancellationToken);

        /// <summary>One page of tasks in a given state; <see cref="TaskPage.Next"/> is the cursor for the next page.</summary>
        Task<ApiOutcome<TaskPage>> ListTasksAsync(VodTaskStatus status, string? fileId, int maxCount, string? next, CancellationToken cancellationToken);

        /// <summary>Pulls the events waiting in the reliable-callback queue (long poll); an empty list when there are none.</summary>
        Task<ApiOutcome<IReadOnlyList<VodEvent>>> PullEventsAsync(CancellationToken cancellationToken);

        /// <summary>
        /// Calls any action with the given parameters (<see cref="GenericParameters"/>); the value is the
        /// action's answer: v2's whole envelope, API 3.0's <c>Response</c> object.
        /// </summary>
        Task<ApiOutcome<JsonElement>> InvokeAsync(string action, IReadOnlyList<KeyValuePair<string, object?>> parameters, CancellationToken cancellationToken);

        /// <summary>
        /// Sends any declared operation once (the generic send; retries are the client's). An operation this
        /// version does not have fails with <see cref="OperationErrors.NotInVersion"/>, and nothing is sent.
        /// </summary>
        Task<ApiOutcome<TResult>> SendOperationAsync<TRequest, TResult>(VodOperation<TRequest, TResult> operation, TRequest request, CancellationToken cancellationToken);

        /// <summary>Confirms pulled events so they are not delivered again; the value is the number confirmed.</summary>
        Task<ApiOutcome<int>> ConfirmEventsAsync(IReadOnlyList<string> eventHandles, CancellationToken cancellationToken);
    }
}
