using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using VodPowerShell.Core.Api;
using VodPowerShell.Core.Credentials;
using VodPowerShell.Core.Http;
using VodPowerShell.Core.Protocol.V2;
using VodPowerShell.Core.Protocol.V3;

namespace VodPowerShell.Core.Tests.TestSupport
{
    internal static class TestCredentials
    {
        public const string SecretId = "AKIDTestSecretId000000000000000000";
        public const string SecretKey = "TestSecretKey-Gu5t9xGARNpq86cd98j";
        public static readonly DateTimeOffset FixedNow = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

        public static VodCredential Credential(string? token = null) =>
            new(SecretId, SecretKey.ToSecureString(), token?.ToSecureString());

        public static V2Transport Transport(RecordingHandler handler, Action<TransportOptions>? configure = null, string? token = null)
        {
            var options = new TransportOptions(VodEndpoint.Create(new Uri("http://127.0.0.1:8080"))) { Clock = () => FixedNow };
            configure?.Invoke(options);
            return new V2Transport(options, Credential(token), new HttpClient(handler));
        }

        public static V2Api Api(RecordingHandler handler, Action<TransportOptions>? configure = null)
        {
            var options = new TransportOptions(VodEndpoint.Create(new Uri("http://127.0.0.1:8080"))) { Clock = () => FixedNow };
            configure?.Invoke(options);
            return new V2Api(options, Credential(), new HttpClient(handler));
        }

        public static V3Api V3Api(RecordingHandler handler, Action<TransportOptions>? configure = null, string? token = null)
        {
            var options = new TransportOptions(VodEndpoint.Create(new Uri("http://127.0.0.1:8080"), ApiVersion.V3)) { Clock = () => FixedNow };
            configure?.Invoke(options);
            return new V3Api(options, Credential(token), new HttpClient(handler));
        }

        /// <summary>The parameters a v2 request carried: its form body (POST) or its query (GET).</summary>
        public static Dictionary<string, string> Sent((HttpMethod Method, Uri Uri, string Host, string? Body, string? ContentType) request) =>
            ParseForm(request.Body ?? request.Uri.Query);

        /// <summary>Decodes a query or form body the way a server would (%XX as UTF-8, nothing else special).</summary>
        public static Dictionary<string, string> ParseForm(string encoded) =>
            encoded.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Select(pair => pair.Split('=', 2))
                .ToDictionary(parts => Uri.UnescapeDataString(parts[0]), parts => Uri.UnescapeDataString(parts[1]));
    }
}
