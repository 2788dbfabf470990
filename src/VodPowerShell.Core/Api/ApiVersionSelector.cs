using System;

namespace VodPowerShell.Core.Api
{
    /// <summary>Which API a call goes through when the caller may or may not have said so.</summary>
    public static class ApiVersionSelector
    {
        private const string V2HostSuffix = "api.qcloud.com";
        private const string V3HostSuffix = "tencentcloudapi.com";

        /// <summary>
        /// The explicit choice wins, then the profile's; otherwise the endpoint decides: a <c>*.api.qcloud.com</c>
        /// host is v2, a <c>*.tencentcloudapi.com</c> host or no endpoint at all is API 3.0 (v2 has been offline
        /// since 2022-11-30, docs/protocol.md §1.4), and any other host (an emulator on loopback) stays v2, which is
        /// what such endpoints have served so far.
        /// </summary>
        public static ApiVersion Resolve(ApiVersion? explicitVersion, ApiVersion? profileVersion, Uri? endpoint)
        {
            if (explicitVersion is ApiVersion chosen) return chosen;
            if (profileVersion is ApiVersion saved) return saved;
            if (endpoint is null) return ApiVersion.V3;
            if (!endpoint.IsAbsoluteUri) return ApiVersion.V2;

            string host = endpoint.Host;
            if (IsHostUnder(host, V2HostSuffix)) return ApiVersion.V2;
            if (IsHostUnder(host, V3HostSuffix)) return ApiVersion.V3;
            return ApiVersion.V2;
        }

        /// <summary>The host itself or a subdomain of it, so "evil-tencentcloudapi.com" does not count.</summary>
        private static bool IsHostUnder(string host, string suffix) =>
            string.Equals(host, suffix, StringComparison.OrdinalIgnoreCase) ||
            host.EndsWith("." + suffix, StringComparison.OrdinalIgnoreCase);
    }
}
