using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using VodPowerShell.Core.Credentials;
using VodPowerShell.Core.Protocol.V2;
using VodPowerShell.Core.Signing;
using VodPowerShell.Core.Http;
using VodPowerShell.Emulator.Domain;
using VodPowerShell.Emulator.Hosting;

namespace VodPowerShell.Emulator.Tests.TestSupport
{
    /// <summary>An in-process emulator on 127.0.0.1:0 with a manual clock, plus the ways tests talk to it.</summary>
    public sealed class TestEmulator : IAsyncDisposable
    {
        private static readonly HttpClient Raw = new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(10) };
        private readonly List<V2Transport> transports = new();

        private TestEmulator(EmulatorHost host, ManualTimeProvider clock)
        {
            Host = host;
            Clock = clock;
        }

        public EmulatorHost Host { get; }

        public ManualTimeProvider Clock { get; }

        public Uri Endpoint => Host.Endpoint;

        public IReadOnlyList<LedgerEntry> Ledger => Host.Ledger.Snapshot();

        /// <summary>Small timeouts so no test waits long; <paramref name="configure"/> adjusts the rest.</summary>
        public static async Task<TestEmulator> StartAsync(Action<EmulatorOptions>? configure = null)
        {
            var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
            var options = new EmulatorOptions { Clock = clock, LongPoll = TimeSpan.FromMilliseconds(100), QuotaRate = 0 };
            configure?.Invoke(options);
            return new TestEmulator(await EmulatorHost.StartAsync(options), clock);
        }

        public static SecureString Secure(string text) => new NetworkCredential(string.Empty, text).SecurePassword;

        /// <summary>The client's own transport, signing with the emulator's clock so the manual clock and the client agree.</summary>
        public V2Transport Client(RequestMethod method = RequestMethod.Get, SignatureMethod signature = SignatureMethod.HmacSHA256,
            string secretId = DefaultCredential.SecretId, string secretKey = DefaultCredential.SecretKey, string? token = null, TimeSpan? clockSkew = null)
        {
            var options = new TransportOptions(VodEndpoint.Create(Endpoint))
            {
                RequestMethod = method,
                SignatureMethod = signature,
                Clock = () => Clock.GetUtcNow() + (clockSkew ?? TimeSpan.Zero),
            };
            var transport = new V2Transport(options, new VodCredential(secretId, Secure(secretKey), token is null ? null : Secure(token)));
            transports.Add(transport);
            return transport;
        }

        public Task<ApiResponse> SendAsync(string action, params (string Name, string Value)[] parameters) => SendAsync(Client(), action, parameters);

        public static Task<ApiResponse> SendAsync(V2Transport transport, string action, params (string Name, string Value)[] parameters)
        {
            var request = new ApiRequest(action);
            foreach (var (name, value) in parameters) request.Parameters.Add(name, value);
            return transport.SendAsync(request, CancellationToken.None);
        }

        public async Task<string> CreateSpriteAsync(string fileId = "video-1")
        {
            var response = await SendAsync("CreateImageSprite", ("fileId", fileId), ("definition", "10"));
            Assert.Equal(0, response.Code);
            return response.GetString("vodTaskId")!;
        }

        /// <summary>Signs a request the way the client would, for tests that then tamper with it.</summary>
        public List<KeyValuePair<string, string>> SignedParameters(string action, RequestMethod method = RequestMethod.Get, params (string Name, string Value)[] parameters)
        {
            var request = new ApiRequest(action);
            foreach (var (name, value) in parameters) request.Parameters.Add(name, value);
            return Client(method).Sign(request).Parameters.ToList();
        }

        /// <summary>Signs hand-built parameters with the given key and method, adding Signature; nothing else is added.</summary>
        public List<KeyValuePair<string, string>> SignByHand(string httpMethod, IEnumerable<KeyValuePair<string, string>> parameters, SignatureMethod method, string secretKey = DefaultCredential.SecretKey)
        {
            var list = parameters.ToList();
            using var key = SigningKey.FromBytes(Encoding.UTF8.GetBytes(secretKey));
            string stringToSign = V2Signature.BuildStringToSign(httpMethod, Endpoint.Authority, Endpoint.AbsolutePath, list);
            list.Add(new KeyValuePair<string, string>("Signature", V2Signature.Compute(stringToSign, key, method)));
            return list;
        }

        /// <summary>Common parameters with the emulator's clock and a fresh nonce, unsigned.</summary>
        public List<KeyValuePair<string, string>> CommonParameters(string action, long? timestamp = null) => new()
        {
            new("Action", action),
            new("Timestamp", (timestamp ?? Clock.GetUtcNow().ToUnixTimeSeconds()).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Nonce", Nonce.Next().ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("SecretId", DefaultCredential.SecretId),
        };

        /// <summary>Sends already-encoded text as the query (GET) or form body (POST), bypassing the client.</summary>
        public async Task<(HttpStatusCode Status, string Body)> SendRawAsync(string httpMethod, string encoded, string? queryForPost = null)
        {
            using var message = httpMethod == "GET"
                ? new HttpRequestMessage(HttpMethod.Get, Endpoint + "?" + encoded)
                : new HttpRequestMessage(HttpMethod.Post, Endpoint + (queryForPost is null ? string.Empty : "?" + queryForPost))
                {
                    Content = new StringContent(encoded, Encoding.UTF8, "application/x-www-form-urlencoded"),
                };
            using var response = await Raw.SendAsync(message);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        public Task<(HttpStatusCode Status, string Body)> SendRawAsync(string httpMethod, IEnumerable<KeyValuePair<string, string>> parameters) =>
            SendRawAsync(httpMethod, Encode(parameters));

        public static string Encode(IEnumerable<KeyValuePair<string, string>> parameters)
        {
            var text = new StringBuilder();
            foreach (var pair in parameters) PercentEncoding.AppendPair(text, pair.Key, pair.Value);
            return text.ToString();
        }

        public static int CodeOf(string body)
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.GetProperty("code").GetInt32();
        }

        public static HttpClient AdminClient => Raw;

        public async ValueTask DisposeAsync()
        {
            foreach (var transport in transports) transport.Dispose();
            await Host.DisposeAsync();
        }
    }
}
