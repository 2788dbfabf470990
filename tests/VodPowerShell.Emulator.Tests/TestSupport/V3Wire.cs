using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
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
            /// <summary>The host signed; the Host header sent (127.0.0.1:PORT) when null.</summary>
            public string? SignedHost { get; init; }
            /// <summary>The service label of the credential scope, as SDKs derive it from the endpoint.</summary>
            public string Service { get; init; } = "vod";
            /// <summary>GET sends <see cref="Query"/> and no body, signed with the form Content-Type SDKs use.</summary>
            public string Method { get; init; } = "POST";
            public string Query { get; init; } = "";
            /// <summary>The query actually sent, when it differs from the one signed.</summary>
            public string? SentQuery { get; init; }
        }

        /// <summary>Sends <paramref name="request"/> and returns the <c>Response</c> object.</summary>
        public static async Task<JsonElement> SendAsync(TestEmulator emulator, Request request)
        {
            long timestamp = request.Timestamp ?? emulator.Clock.GetUtcNow().ToUnixTimeSeconds();
            string date = request.ScopeDate ?? DateTimeOffset.FromUnixTimeSeconds(timestamp).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            string host = request.SignedHost ?? emulator.Host.BaseAddress.Authority;
            bool get = request.Method == "GET";
            string contentType = get ? "application/x-www-form-urlencoded" : "application/json; charset=utf-8";
            string signedBody = get ? "" : request.Body;

            var values = new Dictionary<string, string> { ["content-type"] = contentType, ["host"] = host, ["x-tc-action"] = request.Action.ToLowerInvariant() };
            var canonical = new StringBuilder(request.Method + "\n/\n" + request.Query + "\n");
            foreach (string name in request.SignedHeaders.Split(';')) canonical.Append(name).Append(':').Append(values[name]).Append('\n');
            canonical.Append('\n').Append(request.SignedHeaders).Append('\n').Append(Sha256Hex(Encoding.UTF8.GetBytes(signedBody)));
            string scope = date + "/" + request.Service + "/tc3_request";
            string stringToSign = "TC3-HMAC-SHA256\n" + timestamp.ToString(CultureInfo.InvariantCulture) + "\n" + scope + "\n" + Sha256Hex(Encoding.UTF8.GetBytes(canonical.ToString()));
            byte[] key = Hmac(Encoding.UTF8.GetBytes("TC3" + request.SecretKey), date);
            key = Hmac(Hmac(key, request.Service), "tc3_request");
            string signature = Convert.ToHexString(Hmac(key, stringToSign)).ToLowerInvariant();

            string sentQuery = request.SentQuery ?? request.Query;
            var uri = new Uri(emulator.Host.BaseAddress, sentQuery.Length == 0 ? "/" : "/?" + sentQuery);
            using var message = new HttpRequestMessage(get ? HttpMethod.Get : HttpMethod.Post, uri);
            message.Content = get ? new ByteArrayContent([]) : new StringContent(request.SentBody ?? request.Body, Encoding.UTF8);
            message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            if (!request.OmitAction) message.Headers.TryAddWithoutValidation("X-TC-Action", request.Action);
            message.Headers.TryAddWithoutValidation("X-TC-Version", request.Version);
            message.Headers.TryAddWithoutValidation("X-TC-Timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
            if (request.Token != null) message.Headers.TryAddWithoutValidation("X-TC-Token", request.Token);
            message.Headers.TryAddWithoutValidation("Authorization", request.Authorization
                ?? $"TC3-HMAC-SHA256 Credential={request.SecretId}/{scope}, SignedHeaders={request.SignedHeaders}, Signature={signature}");

            return await ReadResponseAsync(message);
        }

        /// <summary>
        /// Signature v1 by hand: adds Timestamp, Nonce, SecretId and SignatureMethod to <paramref name="fields"/>, signs
        /// <c>METHOD host /?sorted name=value</c> with HMAC and sends the query (GET) or a form body (POST).
        /// </summary>
        public static async Task<JsonElement> SendSignatureV1Async(TestEmulator emulator, string method, string action, IEnumerable<KeyValuePair<string, string>> fields,
            string signatureMethod = "HmacSHA256", string secretKey = DefaultCredential.SecretKey, string? signedHost = null, long? timestamp = null, long? nonce = null,
            Func<List<KeyValuePair<string, string>>, List<KeyValuePair<string, string>>>? tamper = null)
        {
            var parameters = new List<KeyValuePair<string, string>>(fields)
            {
                new("Action", action),
                new("Version", "2018-07-17"),
                new("Timestamp", (timestamp ?? emulator.Clock.GetUtcNow().ToUnixTimeSeconds()).ToString(CultureInfo.InvariantCulture)),
                new("Nonce", (nonce ?? Random.Shared.NextInt64(1, long.MaxValue)).ToString(CultureInfo.InvariantCulture)),
                new("SecretId", DefaultCredential.SecretId),
                new("SignatureMethod", signatureMethod),
            };
            parameters.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
            string stringToSign = method + (signedHost ?? emulator.Host.BaseAddress.Authority) + "/?" + string.Join('&', parameters.Select(p => p.Key + "=" + p.Value));
            byte[] key = Encoding.UTF8.GetBytes(secretKey);
            byte[] data = Encoding.UTF8.GetBytes(stringToSign);
            byte[] mac = signatureMethod == "HmacSHA256" ? HMACSHA256.HashData(key, data) : HMACSHA1.HashData(key, data);
            parameters.Add(new("Signature", Convert.ToBase64String(mac)));
            if (tamper != null) parameters = tamper(parameters);

            string encoded = string.Join('&', parameters.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
            using var message = method == "GET"
                ? new HttpRequestMessage(HttpMethod.Get, new Uri(emulator.Host.BaseAddress, "/?" + encoded))
                : new HttpRequestMessage(HttpMethod.Post, emulator.Host.BaseAddress) { Content = new StringContent(encoded, Encoding.UTF8, "application/x-www-form-urlencoded") };
            return await ReadResponseAsync(message);
        }

        private static async Task<JsonElement> ReadResponseAsync(HttpRequestMessage message)
        {
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
