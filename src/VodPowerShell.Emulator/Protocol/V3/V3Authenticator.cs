using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using VodPowerShell.Emulator.Domain;

namespace VodPowerShell.Emulator.Protocol.V3
{
    /// <summary>
    /// The common checks, in order: Content-Type and required headers (MissingParameter, InvalidParameter, and
    /// AuthFailure.InvalidAuthorization for an Authorization of the wrong shape) → SecretId → signature →
    /// timestamp window → session token → quota. The action and version are checked after, by the caller.
    /// </summary>
    public sealed class V3Authenticator
    {
        private readonly CredentialStore credentials;
        private readonly QuotaTracker quota;
        private readonly TimeProvider clock;
        private readonly long windowSeconds;

        public V3Authenticator(CredentialStore credentials, QuotaTracker quota, TimeProvider clock, TimeSpan timestampWindow)
        {
            this.credentials = credentials;
            this.quota = quota;
            this.clock = clock;
            windowSeconds = (long)timestampWindow.TotalSeconds;
        }

        /// <summary>Null when the request may proceed; otherwise the error to answer with.</summary>
        public V3Reply? Authenticate(HttpRequest request, byte[] body)
        {
            var headers = request.Headers;
            string authorizationText = headers[V3Names.AuthorizationHeader].ToString();
            string timestampText = headers[V3Names.TimestampHeader].ToString();

            // The emulator speaks the JSON form only; Tencent's form-data and GET forms are not emulated.
            if (request.ContentType is not { } contentType) return V3Reply.MissingParameter("Content-Type");
            if (!contentType.StartsWith(V3Names.JsonContentType, StringComparison.OrdinalIgnoreCase)) return V3Reply.InvalidParameter("Content-Type");
            if (string.IsNullOrEmpty(headers[V3Names.ActionHeader].ToString())) return V3Reply.MissingParameter(V3Names.ActionHeader);
            if (string.IsNullOrEmpty(headers[V3Names.VersionHeader].ToString())) return V3Reply.MissingParameter(V3Names.VersionHeader);
            if (timestampText.Length == 0) return V3Reply.MissingParameter(V3Names.TimestampHeader);
            if (!long.TryParse(timestampText, NumberStyles.None, CultureInfo.InvariantCulture, out long timestamp)) return V3Reply.InvalidParameter(V3Names.TimestampHeader);
            if (authorizationText.Length == 0) return V3Reply.MissingParameter(V3Names.AuthorizationHeader);
            if (Tc3Authorization.TryParse(authorizationText) is not { } authorization)
            {
                return V3Reply.Error(V3ErrorCodes.InvalidAuthorization, "The Authorization header is not a TC3-HMAC-SHA256 authorization.");
            }

            if (!credentials.IsKnown(authorization.SecretId)) return V3Reply.Error(V3ErrorCodes.SecretIdNotFound, "The SecretId does not exist.");

            string canonicalRequest = Tc3SignatureVerifier.BuildCanonicalRequest(request.Method, headers, authorization, body);
            if (!Tc3SignatureVerifier.Verify(authorization, timestampText, timestamp, canonicalRequest, credentials.FindKey(authorization.SecretId)))
            {
                return V3Reply.Error(V3ErrorCodes.SignatureFailure, "The signature does not match (check the SecretKey, the signed headers and the date in the credential scope).");
            }

            var now = clock.GetUtcNow();
            if (Math.Abs(now.ToUnixTimeSeconds() - timestamp) > windowSeconds)
            {
                return V3Reply.Error(V3ErrorCodes.SignatureExpire, "X-TC-Timestamp is outside the allowed window; check the clock.");
            }

            if (credentials.Token is { } expectedToken && !TokensMatch(expectedToken, headers[V3Names.TokenHeader].ToString()))
            {
                return V3Reply.Error(V3ErrorCodes.TokenFailure, "The session token is missing or wrong.");
            }

            if (!quota.TryConsume(authorization.SecretId, now))
            {
                return V3Reply.Error(V3ErrorCodes.RequestLimitExceeded, "Request quota exceeded; slow down.");
            }

            return null;
        }

        private static bool TokensMatch(string expected, string given) =>
            CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(given));
    }
}
