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
    /// and <see cref="Client.VodClient.SendAsync"/> runs it through the retry and quota pipeline.
    /// </summary>
    public sealed class VodOperation<TRequest, TResult>
    {
        public VodOperation(string name, bool isIdempotent, Func<JsonElement, ResponseContext, TResult> read,
            string? v3Action = null, Action<Utf8JsonWriter, TRequest>? writeV3 = null,
            string? v2Action = null, Action<RequestParameters, TRequest>? writeV2 = null)
        {
            Name = name ?? throw new ArgumentNullException(nameof(name));
            IsIdempotent = isIdempotent;
            Read = read ?? throw new ArgumentNullException(nameof(read));
            V3Action = v3Action;
            WriteV3 = writeV3 ?? ((_, _) => { });
            V2Action = v2Action;
            WriteV2 = writeV2 ?? ((_, _) => { });
        }

        /// <summary>What messages call the operation (the API 3.0 action name for the v3-only ones).</summary>
        public string Name { get; }

        /// <summary>True when sending it twice has the effect of sending it once, so a lost answer may be retried.</summary>
        public bool IsIdempotent { get; }

        public string? V3Action { get; }

        public Action<Utf8JsonWriter, TRequest> WriteV3 { get; }

        public string? V2Action { get; }

        public Action<RequestParameters, TRequest> WriteV2 { get; }

        /// <summary>Reads a successful answer: API 3.0's <c>Response</c> object, or v2's whole envelope.</summary>
        public Func<JsonElement, ResponseContext, TResult> Read { get; }

        public bool Supports(ApiVersion version) => (version == ApiVersion.V3 ? V3Action : V2Action) != null;
    }
}
