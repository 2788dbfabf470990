using System;
using VodPowerShell.Core.Api;
using VodPowerShell.Core.Errors;
using VodPowerShell.Core.Protocol.V2;

namespace VodPowerShell.Core.Http
{
    /// <summary>
    /// Where requests go. HTTPS always; plain HTTP only to a loopback address (the emulator), so a typo can
    /// never send a signed request in the clear.
    /// </summary>
    public sealed class VodEndpoint
    {
        public static readonly Uri DefaultV2 = new Uri("https://vod.api.qcloud.com");

        public static readonly Uri DefaultV3 = new Uri("https://vod.tencentcloudapi.com");

        private VodEndpoint(Uri requestUri)
        {
            RequestUri = requestUri;
            Authority = requestUri.Authority;
            Path = requestUri.AbsolutePath;
        }

        /// <summary>The URI requests are sent to, without a query.</summary>
        public Uri RequestUri { get; }

        /// <summary>Host, and port when not the scheme's default: what the Host header carries and the signature covers.</summary>
        public string Authority { get; }

        public string Path { get; }

        public override string ToString() => RequestUri.GetLeftPart(UriPartial.Path);

        /// <summary>
        /// The v2 endpoint: accepts a base address (the v2 path is added) or a full address of the API script.
        /// </summary>
        public static VodEndpoint Create(Uri? endpoint) => Create(endpoint, ApiVersion.V2);

        /// <summary>
        /// The endpoint for <paramref name="version"/>, its default host when none is given. A base address gets
        /// the version's path: <c>/v2/index.php</c> for v2, <c>/</c> for API 3.0.
        /// </summary>
        public static VodEndpoint Create(Uri? endpoint, ApiVersion version)
        {
            Uri uri = endpoint ?? (version == ApiVersion.V3 ? DefaultV3 : DefaultV2);
            if (!uri.IsAbsoluteUri)
            {
                throw Invalid(uri, "The endpoint must be an absolute URI such as https://vod.tencentcloudapi.com.", VodErrorCategory.InvalidArgument);
            }

            if (!IsSecureOrLoopback(uri))
            {
                throw Invalid(uri, $"Refusing to send signed requests to '{uri.GetLeftPart(UriPartial.Authority)}': only HTTPS is allowed, and plain HTTP only to a loopback address.", VodErrorCategory.SecurityError, "InsecureEndpoint");
            }

            if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo))
            {
                throw Invalid(uri, "The endpoint must not carry a query, a fragment or user information.", VodErrorCategory.InvalidArgument);
            }

            var builder = new UriBuilder(uri);
            if (builder.Path.Length == 0 || builder.Path == "/") builder.Path = version == ApiVersion.V3 ? "/" : WireNames.IndexPath;
            return new VodEndpoint(builder.Uri);
        }

        /// <summary>
        /// The one transport rule for every request the module sends, signed or not: HTTPS, or plain HTTP to a
        /// loopback address (the emulator).
        /// </summary>
        public static bool IsSecureOrLoopback(Uri uri) =>
            uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));

        private static VodException Invalid(Uri uri, string message, VodErrorCategory category, string errorId = "InvalidEndpoint") =>
            new VodException(new VodError(errorId, category, message, RetryPolicy.Never));
    }
}
