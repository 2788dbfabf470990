using System;
using System.Net.Http;
using VodPowerShell.Core.Credentials;
using VodPowerShell.Core.Http;
using VodPowerShell.Core.Protocol.V2;
using VodPowerShell.Core.Protocol.V3;

namespace VodPowerShell.Core.Api
{
    /// <summary>The one place that maps an <see cref="ApiVersion"/> to its implementation.</summary>
    public static class VodApiFactory
    {
        /// <summary>
        /// The API for <paramref name="version"/>. <paramref name="options"/>' endpoint must have been made for the
        /// same version (<see cref="VodEndpoint.Create(Uri, ApiVersion)"/>), as the two use different paths.
        /// </summary>
        public static IVodApi Create(ApiVersion version, TransportOptions options, VodCredential credential, HttpClient? http = null) => version switch
        {
            ApiVersion.V2 => new V2Api(options, credential, http),
            ApiVersion.V3 => new V3Api(options, credential, http),
            _ => throw new ArgumentOutOfRangeException(nameof(version), version, "Unknown API version."),
        };
    }
}
