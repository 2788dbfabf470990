using System;
using VodPowerShell.Core.Signing;

namespace VodPowerShell.Core.Http
{
    /// <summary>How a transport talks to one endpoint. Defaults match the reference's recommendations.</summary>
    public sealed class TransportOptions
    {
        public const string DefaultRegion = "gz";

        public TransportOptions(VodEndpoint endpoint) => Endpoint = endpoint;

        public VodEndpoint Endpoint { get; }

        /// <summary>The reference says VOD can simply use <c>gz</c>.</summary>
        public string Region { get; set; } = DefaultRegion;

        public SignatureMethod SignatureMethod { get; set; } = SignatureMethod.HmacSHA256;

        public RequestMethod RequestMethod { get; set; } = RequestMethod.Get;

        /// <summary>Per request, connect to last byte.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>The clock that stamps requests; tests replace it.</summary>
        public Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;

        /// <summary>Receives one redacted line per request and response, for -Debug.</summary>
        public Action<string>? Trace { get; set; }
    }
}
