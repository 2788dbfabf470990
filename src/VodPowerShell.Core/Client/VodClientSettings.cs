using System;
using VodPowerShell.Core.Api;
using VodPowerShell.Core.Http;
using VodPowerShell.Core.Signing;

namespace VodPowerShell.Core.Client
{
    /// <summary>
    /// What a caller may choose about a client; every default lives here or in the option it feeds, so a cmdlet
    /// passes only what its user bound. Null means "the profile's, else the rule's" (see <see cref="VodClientFactory"/>).
    /// </summary>
    public sealed class VodClientSettings
    {
        public ApiVersion? ApiVersion { get; set; }

        public Uri? Endpoint { get; set; }

        public string? Region { get; set; }

        /// <summary>API 3.0 sub-application; v2 has none.</summary>
        public ulong? SubAppId { get; set; }

        /// <summary>v2 only: API 3.0 always signs with TC3-HMAC-SHA256.</summary>
        public SignatureMethod SignatureMethod { get; set; } = SignatureMethod.HmacSHA256;

        public int MaximumRetryCount { get; set; } = RetryOptions.DefaultMaximumRetryCount;

        public TimeSpan RetryInterval { get; set; } = RetryOptions.DefaultRetryInterval;

        /// <summary>Per request, connect to last byte.</summary>
        public TimeSpan RequestTimeout { get; set; } = TransportOptions.DefaultTimeout;

        /// <summary>Client-side quota per <see cref="QuotaWindow"/>; null is the API version's documented limit, 0 turns it off.</summary>
        public int? RequestsPerWindow { get; set; }

        /// <summary>The window of <see cref="RequestsPerWindow"/> when that is given.</summary>
        public TimeSpan QuotaWindow { get; set; } = TimeSpan.FromMinutes(1);

        /// <summary>Redacted request and response lines, for -Debug; null when nobody will read them.</summary>
        public Action<string>? Trace { get; set; }

        /// <summary>Quota rate changes and warnings, for -Verbose.</summary>
        public Action<string>? QuotaTrace { get; set; }
    }
}
