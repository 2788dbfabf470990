using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using VodPowerShell.Core.Credentials;
using VodPowerShell.Core.Http;
using VodPowerShell.Core.Signing;

namespace VodPowerShell.Core.Protocol.V3
{
    /// <summary>
    /// API 3.0 (docs/protocol.md §1.3, §3): a JSON POST to the endpoint with the common parameters as X-TC-* headers, signed
    /// with TC3-HMAC-SHA256. Owns the signing key and zeroes it on <see cref="Dispose"/>.
    /// </summary>
    public sealed class V3Transport : IDisposable
    {
        private readonly TransportOptions options;
        private readonly HttpClient http;
        private readonly SigningIdentity identity;

        public V3Transport(TransportOptions options, VodCredential credential, HttpClient? http = null)
        {
            this.options = options ?? throw new ArgumentNullException(nameof(options));
            this.http = http ?? VodHttp.Shared;
            identity = new SigningIdentity(credential, options.Clock);
        }

        public VodEndpoint Endpoint => options.Endpoint;

        public ulong? SubAppId => options.SubAppId;

        public async Task<V3Response> SendAsync(V3Request request, CancellationToken cancellationToken)
        {
            IReadOnlyList<KeyValuePair<string, string>> headers = SignHeaders(request);
            using HttpRequestMessage message = BuildMessage(request, headers);
            options.Trace?.Invoke($"POST {Endpoint} {RedactedRequestText.Format(headers)} body={Encoding.UTF8.GetString(request.Body)}");

            var (status, body, serverDate) = await VodHttp.SendAsync(http, message, options.Timeout, cancellationToken).ConfigureAwait(false);
            V3Response response = V3Response.Parse(status, body);
            // Rejected for its timestamp: stamp the retry (and everything after) with the service's time.
            if (response.ErrorCode == "AuthFailure.SignatureExpire") identity.LearnServerTime(serverDate, options.Trace);
            options.Trace?.Invoke($"HTTP {status} {request.Action} RequestId={response.RequestId} error={response.ErrorCode ?? "none"} ({body.Length} bytes)");
            return response;
        }

        /// <summary>The X-TC-* headers and the Authorization that signs them with the body, in the order they are sent.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> SignHeaders(V3Request request)
        {
            long timestamp = identity.Clock.Now.ToUnixTimeSeconds();
            var headers = new List<KeyValuePair<string, string>>(6)
            {
                new KeyValuePair<string, string>(V3WireNames.ActionHeader, request.Action),
                new KeyValuePair<string, string>(V3WireNames.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture)),
                new KeyValuePair<string, string>(V3WireNames.VersionHeader, V3WireNames.Version),
            };
            if (!string.IsNullOrWhiteSpace(options.Region)) headers.Add(new KeyValuePair<string, string>(V3WireNames.RegionHeader, RegionNames.ToV3(options.Region!)));
            if (identity.Token != null) headers.Add(new KeyValuePair<string, string>(V3WireNames.TokenHeader, identity.Token));
            headers.Add(new KeyValuePair<string, string>(V3WireNames.AuthorizationHeader,
                Tc3Signature.Authorize(identity.SecretId, identity.Key, V3WireNames.Service, Endpoint.Authority, timestamp, request.Body)));
            return headers;
        }

        private HttpRequestMessage BuildMessage(V3Request request, IReadOnlyList<KeyValuePair<string, string>> headers)
        {
            var content = new ByteArrayContent(request.Body);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(Tc3Signature.ContentType);
            var message = new HttpRequestMessage(HttpMethod.Post, Endpoint.RequestUri) { Content = content };
            message.Headers.Host = Endpoint.Authority;
            foreach (var header in headers) message.Headers.TryAddWithoutValidation(header.Key, header.Value);
            return message;
        }

        public void Dispose() => identity.Dispose();
    }
}
