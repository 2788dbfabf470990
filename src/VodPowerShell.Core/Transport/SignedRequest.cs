using VodPowerShell.Core.Protocol;

namespace VodPowerShell.Core.Transport
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
