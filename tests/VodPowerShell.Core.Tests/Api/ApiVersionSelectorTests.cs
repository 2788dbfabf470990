using System;
using VodPowerShell.Core.Api;
using Xunit;

namespace VodPowerShell.Core.Tests.Api
{
    public class ApiVersionSelectorTests
    {
        [Theory]
        [InlineData(ApiVersion.V2, ApiVersion.V3, "https://vod.tencentcloudapi.com", ApiVersion.V2)]
        [InlineData(ApiVersion.V3, null, "https://vod.api.qcloud.com", ApiVersion.V3)]
        [InlineData(null, ApiVersion.V2, null, ApiVersion.V2)]
        [InlineData(null, ApiVersion.V3, "http://127.0.0.1:8080", ApiVersion.V3)]
        [InlineData(null, null, null, ApiVersion.V3)]
        [InlineData(null, null, "https://vod.api.qcloud.com", ApiVersion.V2)]
        [InlineData(null, null, "https://VOD.API.QCLOUD.COM/v2/index.php", ApiVersion.V2)]
        [InlineData(null, null, "https://vod.tencentcloudapi.com", ApiVersion.V3)]
        [InlineData(null, null, "https://vod.ap-guangzhou.tencentcloudapi.com", ApiVersion.V3)]
        [InlineData(null, null, "http://127.0.0.1:8080", ApiVersion.V2)]
        [InlineData(null, null, "http://localhost:5123", ApiVersion.V2)]
        [InlineData(null, null, "https://evil-tencentcloudapi.com", ApiVersion.V2)]
        public void ExplicitThenProfileThenEndpoint(ApiVersion? explicitVersion, ApiVersion? profileVersion, string? endpoint, ApiVersion expected) =>
            Assert.Equal(expected, ApiVersionSelector.Resolve(explicitVersion, profileVersion, endpoint is null ? null : new Uri(endpoint)));
    }
}
