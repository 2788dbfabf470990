using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using VodPowerShell.Core.Api;
using VodPowerShell.Core.Credentials;
using VodPowerShell.Core.Http;
using VodPowerShell.Emulator.Hosting;

namespace VodPowerShell.Emulator.Tests.TestSupport
{
    /// <summary>
    /// API 3.0 against a <see cref="TestEmulator"/>: the client's own <see cref="IVodApi"/>, and hand-built requests
    /// (signed here with plain HMAC, not the client's signer) for tests that break one thing at a time.
    /// </summary>
    public static class V3Wire
    {
        private static readonly HttpClient Raw = new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(10) };

        public static IVodApi Api(TestEmulator emulator, string secretId = DefaultCredential.SecretId, string secretKey = DefaultCredential.SecretKey, string? token = null)
        {
            var options = new TransportOptions(VodEndpoint.Create(emulator.Host.BaseAddress, ApiVersion.V3))
            {
                Clock = () => emulator.Clock.GetUtcNow(),
                Timeout = TimeSpan.FromSeconds(5),
            };
            return VodApiFactory.Create(ApiVersion.V3, options, new VodCredential(secretId, TestEmulator.Secure(secretKey), token is null ? null : TestEmulator.Secure(token)));
        }

        /// <summary>What to put in a hand-built request; each test changes one field.</summary>
        public sealed record Request(string Action, string Body)
        {
            public string Version { get; init; } = "2018-07-17";
            public long? Timestamp { get; init; }
            public string SecretId { get; init; } = DefaultCredential.SecretId;
            public string SecretKey { get; init; } = DefaultCredential.SecretKey;
            /// <summary>The date in the credential scope; the UTC date of the timestamp when null.</summary>
            public string? ScopeDate { get; init; }
            public string? Token { get; init; }
            /// <summary>The body actually sent, when it differs from the one signed.</summary>
            public string? SentBody { get; init; }
            public string? Authorization { get; init; }
            public bool OmitAction { get; init; }
            /// <summary>The headers the client says it signed, all of them present in the request.</summary>
            public string SignedHeaders { get; init; } = "content-type;host";
        }

        /// <summary>Sends <paramref name="request"/> and returns the <c>Response</c> object.</summary>
        public static async Task<JsonElement> SendAsync(TestEmulator emulator, Request request)
        {
            long timestamp = request.Timestamp ?? emulator.Clock.GetUtcNow().ToUnixTimeSeconds();
            string date = request.ScopeDate ?? DateTimeOffset.FromUnixTimeSeconds(timestamp).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            string host = emulator.Host.BaseAddress.Authority;
            const string contentType = "application/json; charset=utf-8";

            var values = new Dictionary<string, string> { ["content-type"] = contentType, ["host"] = host, ["x-tc-action"] = request.Action.ToLowerInvariant() };
            var canonical = new StringBuilder("POST\n/\n\n");
            foreach (string name in request.SignedHeaders.Split(';')) canonical.Append(name).Append(':').Append(values[name]).Append('\n');
            canonical.Append('\n').Append(request.SignedHeaders).Append('\n').Append(Sha256Hex(Encoding.UTF8.GetBytes(request.Body)));
            string scope = date + "/vod/tc3_request";
            string stringToSign = "TC3-HMAC-SHA256\n" + timestamp.ToString(CultureInfo.InvariantCulture) + "\n" + scope + "\n" + Sha256Hex(Encoding.UTF8.GetBytes(canonical.ToString()));
            byte[] key = Hmac(Encoding.UTF8.GetBytes("TC3" + request.SecretKey), date);
            key = Hmac(Hmac(key, "vod"), "tc3_request");
            string signature = Convert.ToHexString(Hmac(key, stringToSign)).ToLowerInvariant();

            using var message = new HttpRequestMessage(HttpMethod.Post, emulator.Host.BaseAddress)
            {
                Content = new StringContent(request.SentBody ?? request.Body, Encoding.UTF8),
            };
            message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            if (!request.OmitAction) message.Headers.TryAddWithoutValidation("X-TC-Action", request.Action);
            message.Headers.TryAddWithoutValidation("X-TC-Version", request.Version);
            message.Headers.TryAddWithoutValidation("X-TC-Timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
            if (request.Token != null) message.Headers.TryAddWithoutValidation("X-TC-Token", request.Token);
            message.Headers.TryAddWithoutValidation("Authorization", request.Authorization
                ?? $"TC3-HMAC-SHA256 Credential={request.SecretId}/{scope}, SignedHeaders={request.SignedHeaders}, Signature={signature}");

            using var response = await Raw.SendAsync(message);
            Assert.Equal(200, (int)response.StatusCode);
            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var body = document.RootElement.GetProperty("Response").Clone();
            Assert.True(Guid.TryParse(body.GetProperty("RequestId").GetString(), out _), "every answer carries a UUID RequestId");
            return body;
        }

        /// <summary><c>Response.Error.Code</c>, or null for a success.</summary>
        public static string? ErrorCode(JsonElement response) =>
            response.TryGetProperty("Error", out var error) ? error.GetProperty("Code").GetString() : null;

        public static async Task<string?> ErrorCodeAsync(TestEmulator emulator, Request request) => ErrorCode(await SendAsync(emulator, request));

        public static string Json(object value) => JsonSerializer.Serialize(value);

        private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

        private static string Sha256Hex(byte[] data) => Convert.ToHexString(SHA256.HashData(data)).ToLowerInvariant();
    }
}
