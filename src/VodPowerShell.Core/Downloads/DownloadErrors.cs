using System;
using VodPowerShell.Core.Errors;

namespace VodPowerShell.Core.Downloads
{
    /// <summary>The failures of a download, each with its stable ErrorId and whether a retry may help.</summary>
    internal static class DownloadErrors
    {
        public static VodException InvalidUrl(string url) => Fail("InvalidUrl", VodErrorCategory.InvalidArgument,
            $"'{Redacted(url)}' is not an absolute http or https URL without user information.", RetryPolicy.Never);

        public static VodException InsecureUrl(Uri url) => Fail("InsecureUrl", VodErrorCategory.SecurityError,
            $"Refusing to download '{Describe(url)}': only HTTPS is allowed, and plain HTTP only to a loopback address.", RetryPolicy.Never);

        public static VodException InsecureRedirect(Uri from, Uri to) => Fail("InsecureRedirect", VodErrorCategory.SecurityError,
            $"'{Describe(from)}' redirects to '{Describe(to)}'; redirects are followed only to HTTPS.", RetryPolicy.Never);

        public static VodException TooManyRedirects(Uri url, int limit) => Fail("TooManyRedirects", VodErrorCategory.ProtocolError,
            $"'{Describe(url)}' redirected more than {limit} times.", RetryPolicy.Never);

        public static VodException RedirectWithoutLocation(Uri url, int status) => Fail("InvalidRedirect", VodErrorCategory.ProtocolError,
            $"'{Describe(url)}' answered HTTP {status} without a Location header.", RetryPolicy.Never, status);

        public static VodException TooLarge(Uri url, long limit) => Fail("DownloadTooLarge", VodErrorCategory.LimitsExceeded,
            $"'{Describe(url)}' is larger than the {limit / (1024 * 1024)} MB limit; raise -MaximumFileSizeMB to accept it.", RetryPolicy.Never);

        public static VodException HttpStatus(Uri url, int status) => Fail("DownloadFailed", CategoryOf(status),
            $"'{Describe(url)}' answered HTTP {status}.", IsTransient(status) ? RetryPolicy.Bounded : RetryPolicy.Never, status);

        public static VodException Timeout(Uri url, TimeSpan idle, long received) => Fail("DownloadTimeout", VodErrorCategory.OperationTimeout,
            $"'{Describe(url)}' sent nothing for {idle.TotalSeconds:0.#} s (after {received} bytes).", RetryPolicy.Bounded);

        public static VodException ConnectionFailed(Uri url, long received, Exception cause) => Fail("ConnectionFailed", VodErrorCategory.ConnectionError,
            $"The transfer of '{Describe(url)}' broke after {received} bytes: {Innermost(cause).Message}", RetryPolicy.Bounded, inner: cause);

        public static VodException Incomplete(Uri url, long received, long declared) => Fail("DownloadIncomplete", VodErrorCategory.ConnectionError,
            $"'{Describe(url)}' ended after {received} of {declared} bytes.", RetryPolicy.Bounded);

        public static VodException ContentMismatch(Uri url) => Fail("ContentMismatch", VodErrorCategory.InvalidData,
            $"'{Describe(url)}' does not match the Content-MD5 the server sent with it.", RetryPolicy.Bounded);

        public static VodException WriteFailed(string path, Exception cause) => Fail("DownloadWriteFailed", VodErrorCategory.ResourceUnavailable,
            $"Could not write '{path}': {cause.Message}", RetryPolicy.Never, inner: cause);

        /// <summary>Query strings of CDN URLs may carry signed tokens (t, sign, us): never repeat them in a message.</summary>
        public static string Describe(Uri url) => url.IsAbsoluteUri ? url.GetLeftPart(UriPartial.Path) : url.OriginalString;

        private static string Redacted(string url) =>
            Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) ? Describe(new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty }.Uri) : url;

        private static bool IsTransient(int status) => status >= 500 || status == 408 || status == 429;

        private static VodErrorCategory CategoryOf(int status) => status switch
        {
            404 or 410 => VodErrorCategory.ObjectNotFound,
            401 or 403 => VodErrorCategory.PermissionDenied,
            _ when IsTransient(status) => VodErrorCategory.ResourceUnavailable,
            _ => VodErrorCategory.InvalidResult,
        };

        private static VodException Fail(string errorId, VodErrorCategory category, string message, RetryPolicy retry, int? status = null, Exception? inner = null) =>
            new VodException(new VodError(errorId, category, message, retry, httpStatus: status), inner);

        private static Exception Innermost(Exception ex)
        {
            while (ex.InnerException != null) ex = ex.InnerException;
            return ex;
        }
    }
}
