using System;
using VodPowerShell.Core.Api;
using VodPowerShell.Core.Credentials;
using VodPowerShell.Core.Http;
using VodPowerShell.Core.Throttling;

namespace VodPowerShell.Core.Client
{
    /// <summary>
    /// The one place that turns a resolved profile and a caller's settings into a client: which API version,
    /// which endpoint and region, and the quota each version allows (docs/protocol.md §8). Cmdlets only bind.
    /// </summary>
    public static class VodClientFactory
    {
        /// <summary>The v2 service's documented peak rate: 100 calls a minute.</summary>
        public const int V2RequestsPerWindow = 100;

        /// <summary>API 3.0's per-action limit: 100 calls a second.</summary>
        public const int V3RequestsPerWindow = 100;

        /// <summary>
        /// A client for <paramref name="profile"/>. Settings win over the profile; what neither gives follows
        /// the rules: the API version from the endpoint (<see cref="ApiVersionSelector"/>), v2 always names a
        /// region (gz when none is set) while API 3.0 names one only when asked, and the quota is the version's.
        /// Throws <see cref="Errors.VodException"/> for an endpoint that cannot be used.
        /// </summary>
        public static VodClient Create(VodProfile profile, VodClientSettings settings)
        {
            if (profile is null) throw new ArgumentNullException(nameof(profile));
            if (settings is null) throw new ArgumentNullException(nameof(settings));

            Uri? endpoint = settings.Endpoint ?? profile.Endpoint;
            ApiVersion version = ApiVersionSelector.Resolve(settings.ApiVersion, ParseVersion(profile.ApiVersion), endpoint);
            string? region = settings.Region ?? profile.Region;
            var options = new TransportOptions(VodEndpoint.Create(endpoint, version))
            {
                Region = version == ApiVersion.V2 ? RegionNames.ToV2(region ?? TransportOptions.DefaultRegion) : region is null ? null : RegionNames.ToV3(region),
                SubAppId = settings.SubAppId,
                SignatureMethod = settings.SignatureMethod,
                Timeout = settings.RequestTimeout,
                Trace = settings.Trace,
            };
            IVodApi api = VodApiFactory.Create(version, options, profile.Credential);

            var retry = new RetryOptions { MaximumRetryCount = settings.MaximumRetryCount, RetryInterval = settings.RetryInterval };
            var (permits, window) = Quota(version, settings);
            QuotaGate? gate = QuotaGates.For(api.Endpoint.Authority, profile.Credential.SecretId, permits, window, settings.QuotaTrace);
            Action? detach = null;
            if (gate != null && settings.QuotaTrace is Action<string> trace)
            {
                gate.RateChanged += trace;
                detach = () => gate.RateChanged -= trace;
            }

            return new VodClient(api, retry, gate, detach);
        }

        /// <summary>The profile store keeps the version as text, as the user typed it; anything else means "not set".</summary>
        public static ApiVersion? ParseVersion(string? text) =>
            Enum.TryParse(text, ignoreCase: true, out ApiVersion parsed) ? parsed : (ApiVersion?)null;

        private static (int Permits, TimeSpan Window) Quota(ApiVersion version, VodClientSettings settings)
        {
            if (settings.RequestsPerWindow is int permits) return (permits, settings.QuotaWindow);
            return version == ApiVersion.V2
                ? (V2RequestsPerWindow, TimeSpan.FromMinutes(1))
                : (V3RequestsPerWindow, TimeSpan.FromSeconds(1));
        }
    }
}
