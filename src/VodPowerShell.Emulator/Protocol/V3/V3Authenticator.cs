using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using VodPowerShell.Emulator.Domain;
using VodPowerShell.Emulator.Protocol.V2;

namespace VodPowerShell.Emulator.Protocol.V3
{
    /// <summary>
    /// The common checks, in order, for both signing modes: the request's shape (MissingParameter,
    /// InvalidParameter, and AuthFailure.InvalidAuthorization for an Authorization of the wrong shape) → SecretId →
    /// signature → timestamp window → Nonce replay (signature v1) → session token → quota. The action and version
    /// are checked after, by the caller.
    /// </summary>
    public sealed class V3Authenticator
    {
        private readonly CredentialStore credentials;
        private readonly QuotaTracker quota;
        private readonly TimeProvider clock;
        private readonly ReplayGuard replay;

        public V3Authenticator(CredentialStore credentials, QuotaTracker quota, TimeProvider clock, TimeSpan timestampWindow)
        {
            this.credentials = credentials;
            this.quota = quota;
            this.clock = clock;
            replay = new ReplayGuard(timestampWindow);
        }

        /// <summary>Null when the request may proceed; otherwise the error to answer with.</summary>
        public V3Reply? Authenticate(V3Request request)
        {
            if ((request.Mode == V3SigningMode.Tc3 ? CheckTc3Shape(request) : CheckSignatureV1Shape(request)) is { } malformed) return malformed;
            long timestamp = long.Parse(request.TimestampText, NumberStyles.None, CultureInfo.InvariantCulture);
            string secretId = request.SecretId!;

            if (!credentials.IsKnown(secretId)) return V3Reply.Error(V3ErrorCodes.SecretIdNotFound, "The SecretId does not exist.");

            bool signed = request.Mode == V3SigningMode.Tc3 ? VerifyTc3(request, timestamp) : VerifySignatureV1(request);
            if (!signed)
            {
                return V3Reply.Error(V3ErrorCodes.SignatureFailure, "The signature does not match (check the SecretKey, the signed headers and the date in the credential scope).");
            }

            var now = clock.GetUtcNow();
            if (!replay.IsTimestampInWindow(timestamp, now.ToUnixTimeSeconds()))
            {
                return V3Reply.Error(V3ErrorCodes.SignatureExpire, "The timestamp is outside the allowed window; check the clock.");
            }

            // A replayed v1 request repeats SecretId, Timestamp and Nonce. The Nonce alone is not the key: the Node.js
            // SDK draws it from 0–65535, so two honest requests share one often enough within five minutes.
            if (request.Mode == V3SigningMode.SignatureV1
                && !replay.TryRecord(secretId, request.TimestampText + "/" + request.Parameters![V3Names.NonceParameter], timestamp, now.ToUnixTimeSeconds()))
            {
                return V3Reply.Error(V3ErrorCodes.SignatureExpire, "The Nonce was already used with this Timestamp; this looks like a replayed request.");
            }

            if (credentials.Token is { } expectedToken && !TokensMatch(expectedToken, request.Token ?? string.Empty))
            {
                return V3Reply.Error(V3ErrorCodes.TokenFailure, "The session token is missing or wrong.");
            }

            if (!quota.TryConsume(secretId, now))
            {
                return V3Reply.Error(V3ErrorCodes.RequestLimitExceeded, "Request quota exceeded; slow down.");
            }

            return null;
        }

        /// <summary>
        /// A JSON POST or a GET (whose Content-Type is only signed, as SDKs send the form type there); the X-TC-*
        /// headers; an Authorization of TC3's shape.
        /// </summary>
        private static V3Reply? CheckTc3Shape(V3Request request)
        {
            if (!HttpMethods.IsGet(request.Http.Method))
            {
                if (request.Http.ContentType is not { } contentType) return V3Reply.MissingParameter("Content-Type");
                if (!contentType.StartsWith(V3Names.JsonContentType, StringComparison.OrdinalIgnoreCase)) return V3Reply.InvalidParameter("Content-Type");
            }

            if (request.Action.Length == 0) return V3Reply.MissingParameter(V3Names.ActionHeader);
            if (request.Version.Length == 0) return V3Reply.MissingParameter(V3Names.VersionHeader);
            if (CheckTimestamp(request.TimestampText, V3Names.TimestampHeader) is { } timestampError) return timestampError;
            if (request.AuthorizationText.Length == 0) return V3Reply.MissingParameter(V3Names.AuthorizationHeader);
            if (request.Authorization is null)
            {
                return V3Reply.Error(V3ErrorCodes.InvalidAuthorization, "The Authorization header is not a TC3-HMAC-SHA256 authorization.");
            }

            return null;
        }

        private static V3Reply? CheckSignatureV1Shape(V3Request request)
        {
            var parameters = request.Parameters!;
            if (request.Action.Length == 0) return V3Reply.MissingParameter(V3Names.ActionParameter);
            if (request.Version.Length == 0) return V3Reply.MissingParameter(V3Names.VersionParameter);
            if (CheckTimestamp(request.TimestampText, V3Names.TimestampParameter) is { } timestampError) return timestampError;
            string? nonce = parameters[V3Names.NonceParameter];
            if (string.IsNullOrEmpty(nonce)) return V3Reply.MissingParameter(V3Names.NonceParameter);
            if (!ulong.TryParse(nonce, NumberStyles.None, CultureInfo.InvariantCulture, out _)) return V3Reply.InvalidParameter(V3Names.NonceParameter);
            if (string.IsNullOrEmpty(request.SecretId)) return V3Reply.MissingParameter(V3Names.SecretIdParameter);
            if (string.IsNullOrEmpty(parameters[V3Names.SignatureParameter])) return V3Reply.MissingParameter(V3Names.SignatureParameter);
            return null;
        }

        private static V3Reply? CheckTimestamp(string text, string name)
        {
            if (text.Length == 0) return V3Reply.MissingParameter(name);
            return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? null : V3Reply.InvalidParameter(name);
        }

        private bool VerifyTc3(V3Request request, long timestamp)
        {
            var authorization = request.Authorization!;
            var key = credentials.FindKey(authorization.SecretId);
            foreach (string host in SignedHost.Candidates(request.Http.Headers.Host.ToString()))
            {
                string canonicalRequest = Tc3SignatureVerifier.BuildCanonicalRequest(request.Http.Method, request.Query, request.Http.Headers, authorization, request.Body, host);
                if (Tc3SignatureVerifier.Verify(authorization, request.TimestampText, timestamp, canonicalRequest, key)) return true;
            }

            return false;
        }

        /// <summary>Signature v1 is v2's algorithm (method, host, path "/", sorted parameters), so it has one verifier.</summary>
        private bool VerifySignatureV1(V3Request request)
        {
            var parameters = request.Parameters!;
            var key = credentials.FindKey(request.SecretId!);
            foreach (string host in SignedHost.Candidates(request.Http.Headers.Host.ToString()))
            {
                string stringToSign = V2SignatureVerifier.BuildStringToSign(request.Http.Method, host, V3Names.Path, parameters);
                if (V2SignatureVerifier.Verify(stringToSign, parameters[V3Names.SignatureMethodParameter], key, parameters[V3Names.SignatureParameter]!)) return true;
            }

            return false;
        }

        private static bool TokensMatch(string expected, string given) =>
            CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(given));
    }
}
