using System;
using VodPowerShell.Core.Signing;

namespace VodPowerShell.Core.Http
{
    /// <summary>How a transport talks to one endpoint. Defaults follow docs/protocol.md §1.</summary>
    public sealed class TransportOptions
    {
        public const string DefaultRegion = "gz";

        public TransportOptions(VodEndpoint endpoint) => Endpoint = endpoint;

        public VodEndpoint Endpoint { get; }

        /// <summary>
        /// The region, short or long form. v2 sends <see cref="DefaultRegion"/> when it is null (VOD accepts
        /// <c>gz</c> for everything, docs/protocol.md §1.2); API 3.0 sends X-TC-Region only when it is set, as VOD needs none.
        /// </summary>
        public string? Region { get; set; }

        /// <summary>The VOD sub-application to act in; sent by API 3.0 only (v2 has no such parameter).</summary>
        public ulong? SubAppId { get; set; }

        public SignatureMethod SignatureMethod { get; set; } = SignatureMethod.HmacSHA256;

        public RequestMethod RequestMethod { get; set; } = RequestMethod.Get;

        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

        /// <summary>Per request, connect to last byte.</summary>
        public TimeSpan Timeout { get; set; } = DefaultTimeout;

        /// <summary>The clock that stamps requests; tests replace it.</summary>
        public Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;

        /// <summary>Receives one redacted line per request and response, for -Debug.</summary>
        public Action<string>? Trace { get; set; }
    }
}
