using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using VodPowerShell.Core.Signing;
using VodPowerShell.Core.Http;
using VodPowerShell.Core.Protocol.V2;
using VodPowerShell.Emulator.Tests.TestSupport;

namespace VodPowerShell.Emulator.Tests
{
    public class AuthenticationTests
    {
        [Theory]
        [InlineData(RequestMethod.Get, SignatureMethod.HmacSHA256)]
        [InlineData(RequestMethod.Get, SignatureMethod.HmacSHA1)]
        [InlineData(RequestMethod.Post, SignatureMethod.HmacSHA256)]
        [InlineData(RequestMethod.Post, SignatureMethod.HmacSHA1)]
        public async Task TheClientTransportIsAcceptedForEveryMethodAndHash(RequestMethod method, SignatureMethod signature)
        {
            await using var emulator = await TestEmulator.StartAsync();
            var response = await TestEmulator.SendAsync(emulator.Client(method, signature), "CreateImageSprite", ("fileId", "f1"), ("definition", "10"));

            Assert.Equal(0, response.Code);
            Assert.Equal("Success", response.CodeDesc);
        }

        [Fact]
        public async Task HmacSha1WithoutSignatureMethodIsAccepted()
        {
            await using var emulator = await TestEmulator.StartAsync();
            var parameters = emulator.CommonParameters("GetTaskList");
            parameters.Add(new("status", "WAITING"));
            var (_, body) = await emulator.SendRawAsync("GET", emulator.SignByHand("GET", parameters, SignatureMethod.HmacSHA1));

            Assert.Equal(0, TestEmulator.CodeOf(body));
        }

        [Theory]
        [InlineData("hmacsha256", SignatureMethod.HmacSHA1, 0)]
        [InlineData("hmacsha256", SignatureMethod.HmacSHA256, 4100)]
        [InlineData("HmacSHA1", SignatureMethod.HmacSHA256, 4100)]
        [InlineData("anything", SignatureMethod.HmacSHA1, 0)]
        public async Task Sha256IsUsedOnlyForTheExactValueHmacSHA256(string wireValue, SignatureMethod signedWith, int expected)
        {
            await using var emulator = await TestEmulator.StartAsync();
            var parameters = emulator.CommonParameters("GetTaskList");
            parameters.Add(new("status", "WAITING"));
            parameters.Add(new("SignatureMethod", wireValue));
            var (_, body) = await emulator.SendRawAsync("POST", emulator.SignByHand("POST", parameters, signedWith));

            Assert.Equal(expected, TestEmulator.CodeOf(body));
        }

        [Fact]
        public async Task UnknownExtraParametersAreSignedAndAccepted()
        {
            await using var emulator = await TestEmulator.StartAsync();
            var parameters = emulator.CommonParameters("GetTaskList");
            parameters.AddRange([new("status", "WAITING"), new("RequestClient", "SDK_PYTHON_2.0"), new("Version", "2017-03-12"), new("Region", "gz"), new("Placement_Zone", "z"), new("SignatureMethod", "HmacSHA256")]);
            var (_, body) = await emulator.SendRawAsync("GET", emulator.SignByHand("GET", parameters, SignatureMethod.HmacSHA256));

            Assert.Equal(0, TestEmulator.CodeOf(body));
        }

        [Fact]
        public async Task AParameterAddedAfterSigningFailsWith4100()
        {
            await using var emulator = await TestEmulator.StartAsync();
            var parameters = emulator.SignedParameters("GetTaskList", RequestMethod.Get, ("status", "WAITING"));
            parameters.Add(new("fileId", "smuggled"));
            var (_, body) = await emulator.SendRawAsync("GET", parameters);

            Assert.Equal(4100, TestEmulator.CodeOf(body));
        }

        [Fact]
        public async Task TheHostHeaderIsPartOfTheSignature()
        {
            await using var emulator = await TestEmulator.StartAsync();
            var parameters = emulator.CommonParameters("GetTaskList");
            parameters.Add(new("status", "WAITING"));
            using var key = SigningKey.FromBytes(System.Text.Encoding.UTF8.GetBytes(Hosting.DefaultCredential.SecretKey));
            string signedForOtherHost = V2Signature.BuildStringToSign("GET", "vod.api.qcloud.com", "/v2/index.php", parameters);
            parameters.Add(new("Signature", V2Signature.Compute(signedForOtherHost, key, SignatureMethod.HmacSHA1)));
            var (_, body) = await emulator.SendRawAsync("GET", parameters);

            Assert.Equal(4100, TestEmulator.CodeOf(body));
        }

        [Fact]
        public async Task AWrongSecretKeyFailsWith4100()
        {
            await using var emulator = await TestEmulator.StartAsync();
            var response = await TestEmulator.SendAsync(emulator.Client(secretKey: "not-the-key"), "GetTaskList", ("status", "WAITING"));
            Assert.Equal(4100, response.Code);
        }

        [Fact]
        public async Task AnUnknownSecretIdFailsWith4104BeforeTheSignatureIsChecked()
        {
            await using var emulator = await TestEmulator.StartAsync();
            var response = await TestEmulator.SendAsync(emulator.Client(secretId: "AKIDunknown", secretKey: "whatever"), "GetTaskList", ("status", "WAITING"));
            Assert.Equal(4104, response.Code);
        }

        [Theory]
        [InlineData("Action")]
        [InlineData("Timestamp")]
        [InlineData("Nonce")]
        [InlineData("SecretId")]
        [InlineData("Signature")]
        public async Task AMissingCommonParameterFailsWith4000(string name)
        {
            await using var emulator = await TestEmulator.StartAsync();
            var parameters = emulator.SignedParameters("GetTaskList", RequestMethod.Get, ("status", "WAITING")).Where(p => p.Key != name);
            var (status, body) = await emulator.SendRawAsync("GET", parameters);

            Assert.Equal(System.Net.HttpStatusCode.OK, status);
            Assert.Equal(4000, TestEmulator.CodeOf(body));
            Assert.Contains("\"codeDesc\":\"InvalidParameter\"", body, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("Timestamp", "-5")]
        [InlineData("Timestamp", "12.5")]
        [InlineData("Nonce", "abc")]
        public async Task AMalformedNumberFailsWith4000(string name, string value)
        {
            await using var emulator = await TestEmulator.StartAsync();
            var parameters = emulator.SignedParameters("GetTaskList", RequestMethod.Get, ("status", "WAITING"))
                .Select(p => p.Key == name ? new KeyValuePair<string, string>(name, value) : p);
            var (_, body) = await emulator.SendRawAsync("GET", parameters);

            Assert.Equal(4000, TestEmulator.CodeOf(body));
        }

        [Fact]
        public async Task AReplayedRequestFailsWith4500()
        {
            await using var emulator = await TestEmulator.StartAsync();
            var parameters = emulator.SignedParameters("GetTaskList", RequestMethod.Get, ("status", "WAITING"));

            Assert.Equal(0, TestEmulator.CodeOf((await emulator.SendRawAsync("GET", parameters)).Body));
            Assert.Equal(4500, TestEmulator.CodeOf((await emulator.SendRawAsync("GET", parameters)).Body));
        }

        [Theory]
        [InlineData(-301, 4500)]
        [InlineData(301, 4500)]
        [InlineData(-299, 0)]
        [InlineData(299, 0)]
        public async Task TheTimestampMustBeWithinTheWindow(int skewSeconds, int expected)
        {
            await using var emulator = await TestEmulator.StartAsync();
            var response = await TestEmulator.SendAsync(emulator.Client(clockSkew: TimeSpan.FromSeconds(skewSeconds)), "GetTaskList", ("status", "WAITING"));
            Assert.Equal(expected, response.Code);
        }

        [Fact]
        public async Task TheTimestampWindowIsConfigurable()
        {
            await using var emulator = await TestEmulator.StartAsync(o => o.TimestampWindow = TimeSpan.FromSeconds(10));
            var response = await TestEmulator.SendAsync(emulator.Client(clockSkew: TimeSpan.FromSeconds(-11)), "GetTaskList", ("status", "WAITING"));
            Assert.Equal(4500, response.Code);
        }

        [Theory]
        [InlineData(null, 4105)]
        [InlineData("wrong-token", 4105)]
        [InlineData("session-token", 0)]
        public async Task AConfiguredSessionTokenIsRequired(string? token, int expected)
        {
            await using var emulator = await TestEmulator.StartAsync(o => o.Token = "session-token");
            var response = await TestEmulator.SendAsync(emulator.Client(token: token), "GetTaskList", ("status", "WAITING"));
            Assert.Equal(expected, response.Code);
        }

        [Fact]
        public async Task AnUnknownActionFailsWith4000AndSaysWhy()
        {
            await using var emulator = await TestEmulator.StartAsync();
            var response = await emulator.SendAsync("DescribeInstances");

            Assert.Equal(4000, response.Code);
            Assert.Contains("DescribeInstances", response.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task ThePostQueryStringIsIgnored()
        {
            await using var emulator = await TestEmulator.StartAsync();
            var signed = emulator.SignedParameters("GetTaskList", RequestMethod.Post, ("status", "WAITING"));
            var (_, body) = await emulator.SendRawAsync("POST", string.Empty, queryForPost: TestEmulator.Encode(signed));

            Assert.Equal(4000, TestEmulator.CodeOf(body));
        }
    }
}
