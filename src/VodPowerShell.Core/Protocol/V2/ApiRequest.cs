namespace VodPowerShell.Core.Protocol.V2
{
    /// <summary>One action call before the transport adds common parameters and signs it.</summary>
    public sealed class ApiRequest
    {
        public ApiRequest(string action, RequestParameters? parameters = null, bool idempotent = true)
        {
            Action = action;
            Parameters = parameters ?? new RequestParameters();
            Idempotent = idempotent;
        }

        /// <summary>
        /// False for an action whose effect must not happen twice (a create). It then travels as a POST with a
        /// body, which HTTP stacks never resend on their own after a dropped connection (RFC 9110 §9.2.2; .NET
        /// resends a request without a body, see docs/protocol.md §10).
        /// </summary>
        public bool Idempotent { get; }

        public string Action { get; }

        /// <summary>The action's own parameters, raw values.</summary>
        public RequestParameters Parameters { get; }
    }
}
