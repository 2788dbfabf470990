using System;
using System.Net;
using System.Text;
using VodPowerShell.Core.Credentials;
using VodPowerShell.Core.Http;
using VodPowerShell.Core.Protocol.V2;
using VodPowerShell.Core.Signing;

namespace VodPowerShell.Benchmarks
{
    /// <summary>The one CreateImageSprite request every signing benchmark signs, built once.</summary>
    internal static class Fixtures
    {
        public const string SecretId = "AKIDVodEmulator0000000000000000000000";
        public const string SecretKey = "VodEmulatorSecretKey000000000000";
        public const string FileId = "5285890781763144364";
        public const string Authority = "vod.api.qcloud.com";
        public const string Path = "/v2/index.php";

        /// <summary>What V2Transport.Sign hands to the signer for CreateImageSprite (method GET).</summary>
        public static RequestParameters CreateImageSpriteParameters() => new RequestParameters()
            .Add(WireNames.Action, WireNames.CreateImageSprite)
            .Add(WireNames.FileId, FileId)
            .Add(WireNames.Definition, "10")
            .Add(WireNames.Region, "gz")
            .Add(WireNames.Timestamp, "1764095889")
            .Add(WireNames.Nonce, "1681349570")
            .Add(WireNames.SecretId, SecretId)
            .Add(WireNames.SignatureMethod, nameof(SignatureMethod.HmacSHA256));

        public static ApiRequest CreateImageSpriteRequest() =>
            new ApiRequest(WireNames.CreateImageSprite, new RequestParameters(2).Add(WireNames.FileId, FileId).Add(WireNames.Definition, "10"));

        public static V2Transport Transport()
        {
            var options = new TransportOptions(VodEndpoint.Create(new Uri("https://" + Authority)));
            return new V2Transport(options, new VodCredential(SecretId, new NetworkCredential(string.Empty, SecretKey).SecurePassword));
        }

        public static SigningKey Key() => SigningKey.FromBytes(Encoding.UTF8.GetBytes(SecretKey));

        /// <summary>The emulator's answer to CreateImageSprite, byte for byte.</summary>
        public static readonly byte[] CreateImageSpriteResponse =
            Encoding.UTF8.GetBytes("{\"code\":0,\"message\":\"\",\"codeDesc\":\"Success\",\"vodTaskId\":\"1253642699-procedurev2-8d5bd5ee3a4b5d6c0fd0e0e4a3e9f2b1t0\"}");
    }
}
