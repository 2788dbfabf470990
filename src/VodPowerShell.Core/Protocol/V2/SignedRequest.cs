using VodPowerShell.Core.Http;

namespace VodPowerShell.Core.Protocol.V2
{
    /// <summary>A request ready for the wire: the method it was signed for and every parameter, Signature included.</summary>
    public sealed class SignedRequest
    {
        public SignedRequest(RequestMethod method, RequestParameters parameters)
        {
            Method = method;
            Parameters = parameters;
        }

        public RequestMethod Method { get; }

        public RequestParameters Parameters { get; }
    }
}
