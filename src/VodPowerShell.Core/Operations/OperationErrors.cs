using VodPowerShell.Core.Api;
using VodPowerShell.Core.Errors;

namespace VodPowerShell.Core.Operations
{
    /// <summary>The failures of the operation layer itself (never the service's).</summary>
    public static class OperationErrors
    {
        /// <summary>An action the endpoint's API version does not have: said plainly, never emulated with other calls.</summary>
        public static VodError NotInVersion(string operation, ApiVersion version) => version == ApiVersion.V2
            ? new VodError("RequiresApiV3", VodErrorCategory.InvalidOperation,
                $"{operation} needs API 3.0 (vod.tencentcloudapi.com); the legacy v2 API has no such action. Use -ApiVersion V3 (or an API 3.0 endpoint or profile).", RetryPolicy.Never)
            : new VodError("RequiresApiV2", VodErrorCategory.InvalidOperation,
                $"{operation} exists only in the legacy v2 API (vod.api.qcloud.com); use -ApiVersion V2.", RetryPolicy.Never);

        /// <summary>The service handed back a cursor it had already given: following it would page forever.</summary>
        public static VodError RepeatedCursor(string operation, string cursor) =>
            new VodError("RepeatedPageCursor", VodErrorCategory.InvalidResult,
                $"{operation} returned the page position '{cursor}' a second time; paging stopped there rather than loop. The results so far are complete up to that page.", RetryPolicy.Never);
    }
}
