namespace VodPowerShell.Core.Protocol.V2
{
    /// <summary>One action call before the transport adds common parameters and signs it.</summary>
    public sealed class ApiRequest
    {
        public ApiRequest(string action, RequestParameters? parameters = null)
        {
            Action = action;
            Parameters = parameters ?? new RequestParameters();
        }

        public string Action { get; }

        /// <summary>The action's own parameters, raw values.</summary>
        public RequestParameters Parameters { get; }
    }
}
