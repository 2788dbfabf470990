using System;
using System.Text.Json;
using VodPowerShell.Core.Api;
using VodPowerShell.Core.Protocol.V2;

namespace VodPowerShell.Core.Operations
{
    /// <summary>
    /// One VOD action, declared once: its wire name per API version (null where the version has no such
    /// action), whether it may be resent after a lost answer, how its request is written and how its answer is
    /// read. Each protocol sends any descriptor with one generic send (<see cref="IVodApi.SendOperationAsync"/>),
    /// and <see cref="Client.VodClient.SendAsync"/> runs it through the retry and quota pipeline. A writer that
    /// refuses a request throws <see cref="Errors.VodException"/> before anything is sent; a reader that finds
    /// an answer without what it must carry throws one too, and the send returns it as a failure.
    /// </summary>
    public sealed class VodOperation<TRequest, TResult>
    {
        /// <summary>An action whose answer reads the same in both versions (API 3.0's <c>Response</c> object, or v2's whole envelope).</summary>
        public VodOperation(string name, bool isIdempotent, Func<JsonElement, ResponseContext, TResult> read,
            string? v3Action = null, Action<Utf8JsonWriter, TRequest>? writeV3 = null,
            string? v2Action = null, Action<RequestParameters, TRequest>? writeV2 = null)
            : this(name, isIdempotent, v2Action, writeV2, ReadIgnoringRequest(read), v3Action, writeV3, ReadIgnoringRequest(read))
        {
        }

        /// <summary>An action with a reader per version, which may look at the request (the task id asked for, say).</summary>
        /// <param name="v3NothingCode">An API 3.0 error code that only means "nothing to return" (PullEvents' empty queue); <paramref name="nothing"/> is then the answer.</param>
        public VodOperation(string name, bool isIdempotent,
            string? v2Action, Action<RequestParameters, TRequest>? writeV2, Func<TRequest, JsonElement, ResponseContext, TResult>? readV2,
            string? v3Action, Action<Utf8JsonWriter, TRequest>? writeV3, Func<TRequest, JsonElement, ResponseContext, TResult>? readV3,
            string? v3NothingCode = null, Func<TResult>? nothing = null)
        {
            Name = name ?? throw new ArgumentNullException(nameof(name));
            IsIdempotent = isIdempotent;
            V2Action = v2Action;
            WriteV2 = writeV2 ?? ((_, _) => { });
            ReadV2 = readV2 ?? Unreadable;
            V3Action = v3Action;
            WriteV3 = writeV3 ?? ((_, _) => { });
            ReadV3 = readV3 ?? Unreadable;
            if ((v3NothingCode is null) != (nothing is null)) throw new ArgumentException("Give both the code and the answer it stands for, or neither.", nameof(nothing));
            V3NothingCode = v3NothingCode;
            Nothing = nothing;
        }

        /// <summary>What messages call the operation (the API 3.0 action name for the v3-only ones).</summary>
        public string Name { get; }

        /// <summary>True when sending it twice has the effect of sending it once, so a lost answer may be retried.</summary>
        public bool IsIdempotent { get; }

        public string? V3Action { get; }

        public Action<Utf8JsonWriter, TRequest> WriteV3 { get; }

        /// <summary>Reads a successful answer's <c>Response</c> object.</summary>
        public Func<TRequest, JsonElement, ResponseContext, TResult> ReadV3 { get; }

        public string? V3NothingCode { get; }

        public Func<TResult>? Nothing { get; }

        public string? V2Action { get; }

        public Action<RequestParameters, TRequest> WriteV2 { get; }

        /// <summary>Reads a successful answer's whole envelope.</summary>
        public Func<TRequest, JsonElement, ResponseContext, TResult> ReadV2 { get; }

        public bool Supports(ApiVersion version) => (version == ApiVersion.V3 ? V3Action : V2Action) != null;

        private static Func<TRequest, JsonElement, ResponseContext, TResult> ReadIgnoringRequest(Func<JsonElement, ResponseContext, TResult> read)
        {
            if (read is null) throw new ArgumentNullException(nameof(read));
            return (_, answer, context) => read(answer, context);
        }

        private static TResult Unreadable(TRequest request, JsonElement answer, ResponseContext context) =>
            throw new InvalidOperationException("This operation declares no reader for the version it was sent with.");
    }
}
