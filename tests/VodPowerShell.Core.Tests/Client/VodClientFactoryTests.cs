using System;
using VodPowerShell.Core.Api;
using VodPowerShell.Core.Client;
using VodPowerShell.Core.Credentials;
using VodPowerShell.Core.Tests.TestSupport;
using Xunit;

namespace VodPowerShell.Core.Tests.Client
{
    /// <summary>The version, endpoint and region rules live in Core, so every cmdlet gets the same client.</summary>
    public class VodClientFactoryTests
    {
        private static VodProfile Profile(string? apiVersion = null, Uri? endpoint = null, string? region = null) =>
            new(TestCredentials.Credential(), "test") { ApiVersion = apiVersion, Endpoint = endpoint, Region = region };

        [Fact]
        public void SettingsWinOverTheProfile()
        {
            using var client = VodClientFactory.Create(Profile("V2", new Uri("http://127.0.0.1:1")),
                new VodClientSettings { ApiVersion = ApiVersion.V3, Endpoint = new Uri("http://127.0.0.1:2") });

            Assert.Equal(ApiVersion.V3, client.Api.Version);
            Assert.Equal("127.0.0.1:2", client.Api.Endpoint.Authority);
        }

        [Fact]
        public void TheProfilesVersionIsReadAsTheUserTypedIt()
        {
            using var client = VodClientFactory.Create(Profile("v3", new Uri("http://127.0.0.1:1")), new VodClientSettings());

            Assert.Equal(ApiVersion.V3, client.Api.Version);
        }

        [Theory]
        [InlineData("https://vod.api.qcloud.com", ApiVersion.V2)]
        [InlineData("https://vod.tencentcloudapi.com", ApiVersion.V3)]
        [InlineData("http://127.0.0.1:5000", ApiVersion.V2)]
        public void WithoutAChoiceTheEndpointDecidesTheVersion(string endpoint, ApiVersion expected)
        {
            using var client = VodClientFactory.Create(Profile(endpoint: new Uri(endpoint)), new VodClientSettings());

            Assert.Equal(expected, client.Api.Version);
        }

        [Fact]
        public void WithNothingGivenItIsTheRealCloudOnApi3()
        {
            using var client = VodClientFactory.Create(Profile(), new VodClientSettings());

            Assert.Equal(ApiVersion.V3, client.Api.Version);
            Assert.Equal("vod.tencentcloudapi.com", client.Api.Endpoint.Authority);
        }

        [Fact]
        public void AnUnknownStoredVersionMeansNotSet()
        {
            Assert.Null(VodClientFactory.ParseVersion("V9"));
            Assert.Null(VodClientFactory.ParseVersion(null));
            Assert.Equal(ApiVersion.V2, VodClientFactory.ParseVersion("v2"));
        }
    }
}
