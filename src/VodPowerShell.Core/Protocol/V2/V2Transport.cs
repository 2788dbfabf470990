using System;
using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using VodPowerShell.Core.Credentials;
using VodPowerShell.Core.Http;
using VodPowerShell.Core.Protocol.V2;
using VodPowerShell.Core.Signing;

namespace VodPowerShell.Core.Protocol.V2
{
    /// <summary>
    /// The legacy v2 API (docs/protocol.md §1.1–2.3): common parameters, signature v2, GET query or POST form body.
    /// Owns the signing key and zeroes it on <see cref="Dispose"/>.
    /// </summary>
    public sealed class V2Transport : IDisposable
    {
        /// <summary>
        /// Longest query sent with GET; a longer request (a 10 KB fileId) goes as a POST form body, as
        /// docs/protocol.md §1.1 says, so no proxy or server limit on URLs can cut it.
        /// </summary>
        public const int MaxQueryLength = 2000;

        /// <summary>v2's answer to a Nonce seen before or a Timestamp outside the window.</summary>
        public const int ReplayCode = 4500;

        private readonly TransportOptions options;
        private readonly HttpClient http;
        private readonly SigningIdentity identity;
        private readonly string requestPath;

        public V2Transport(TransportOptions options, VodCredential credential, HttpClient? http = null)
        {
            this.options = options ?? throw new ArgumentNullException(nameof(options));
            this.http = http ?? VodHttp.Shared;
            identity = new SigningIdentity(credential, options.Clock);
            requestPath = options.Endpoint.RequestUri.GetLeftPart(UriPartial.Path);
        }

        public VodEndpoint Endpoint => options.Endpoint;

        public async Task<ApiResponse> SendAsync(ApiRequest request, CancellationToken cancellationToken)
        {
            SignedRequest signed = Sign(request);
            using HttpRequestMessage message = BuildMessage(signed);
            options.Trace?.Invoke($"{message.Method} {Endpoint} {RedactedRequestText.Format(signed.Parameters)}");

            var (status, body, serverDate) = await VodHttp.SendAsync(http, message, options.Timeout, cancellationToken).ConfigureAwait(false);
            ApiResponse response = ApiResponse.Parse(status, body);
            // 4500 is a stale Timestamp or a spent Nonce. When the service's clock differs from our stamp, adopt
            // its time for the retry (and everything after). When it agrees, the Nonce was spent by an earlier
            // copy of this request (an HTTP stack resends on its own): that copy may have acted.
            if (response.Code == ReplayCode && !identity.LearnServerTime(serverDate, options.Trace)) response.MarkNonceReplayed();
            options.Trace?.Invoke($"HTTP {status} {request.Action} code={response.Code} ({body.Length} bytes)");
            return response;
        }

        /// <summary>The action's parameters plus the common ones, signed for the method they will travel with.</summary>
        public SignedRequest Sign(ApiRequest request)
        {
            var parameters = new RequestParameters(request.Parameters.Count + 9);
            parameters.Add(WireNames.Action, request.Action);
            foreach (var pair in request.Parameters) parameters.Add(pair.Key, pair.Value);
            parameters.Add(WireNames.Region, RegionNames.ToV2(options.Region ?? TransportOptions.DefaultRegion));
            parameters.Add(WireNames.Timestamp, identity.Clock.Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
            parameters.Add(WireNames.Nonce, Nonce.Next().ToString(CultureInfo.InvariantCulture));
            parameters.Add(WireNames.SecretId, identity.SecretId);
            parameters.Add(WireNames.SignatureMethod, options.SignatureMethod.ToString());
            if (identity.Token != null) parameters.Add(WireNames.Token, identity.Token);

            RequestMethod method = options.RequestMethod == RequestMethod.Post || !request.Idempotent || EncodedLength(parameters) > MaxQueryLength
                ? RequestMethod.Post
                : RequestMethod.Get;
            string signature = V2Signature.Compute(method == RequestMethod.Post ? "POST" : "GET", Endpoint.Authority, Endpoint.Path, parameters, identity.Key, options.SignatureMethod);
            parameters.Add(WireNames.Signature, signature);
            return new SignedRequest(method, parameters);
        }

        /// <summary>The length of the encoded query, counted rather than built: most requests only need to know it is short.</summary>
        private static int EncodedLength(RequestParameters parameters)
        {
            int length = parameters.Count * 2 - 1;
            for (int i = 0; i < parameters.Count; i++)
            {
                length += PercentEncoding.EncodedLength(parameters[i].Key) + PercentEncoding.EncodedLength(parameters[i].Value);
            }

            return length;
        }

        private HttpRequestMessage BuildMessage(SignedRequest signed)
        {
            string encoded = Encode(signed.Parameters);
            if (signed.Method == RequestMethod.Get)
            {
                return new HttpRequestMessage(HttpMethod.Get, new Uri(requestPath + "?" + encoded));
            }

            return new HttpRequestMessage(HttpMethod.Post, Endpoint.RequestUri)
            {
                Content = new StringContent(encoded, Encoding.UTF8, "application/x-www-form-urlencoded"),
            };
        }

        private static string Encode(RequestParameters parameters)
        {
            StringBuilder encoded = StringBuilderCache.Acquire();
            foreach (var pair in parameters) PercentEncoding.AppendPair(encoded, pair.Key, pair.Value);
            return StringBuilderCache.GetStringAndRelease(encoded);
        }

        public void Dispose() => identity.Dispose();
    }
}
