using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using VodPowerShell.Emulator.Domain;

namespace VodPowerShell.Emulator.Protocol.V2
{
    /// <summary>
    /// The common-parameter checks, in the order the service applies them: presence and format (4000), SecretId
    /// (4104), signature (4100), Timestamp window and Nonce replay (4500), session token (4105), quota (4400).
    /// </summary>
    public sealed class V2Authenticator
    {
        private readonly CredentialStore credentials;
        private readonly ReplayGuard replay;
        private readonly QuotaTracker quota;
        private readonly TimeProvider clock;

        public V2Authenticator(CredentialStore credentials, ReplayGuard replay, QuotaTracker quota, TimeProvider clock)
        {
            this.credentials = credentials;
            this.replay = replay;
            this.quota = quota;
            this.clock = clock;
        }

        /// <summary>Null when the request may proceed; otherwise the error to answer with.</summary>
        public V2Reply? Authenticate(string method, string host, string path, V2Parameters parameters)
        {
            string? action = parameters[V2Names.Action];
            string? timestampText = parameters[V2Names.Timestamp];
            string? nonce = parameters[V2Names.Nonce];
            string? secretId = parameters[V2Names.SecretId];
            string? signature = parameters[V2Names.Signature];

            if (string.IsNullOrEmpty(action)) return V2Reply.MissingParameter(V2Names.Action);
            if (!TryParseUnsigned(timestampText, out ulong timestamp) || timestamp > long.MaxValue) return V2Reply.MalformedParameter(V2Names.Timestamp);
            if (!TryParseUnsigned(nonce, out _)) return V2Reply.MalformedParameter(V2Names.Nonce);
            if (string.IsNullOrEmpty(secretId)) return V2Reply.MissingParameter(V2Names.SecretId);
            if (string.IsNullOrEmpty(signature)) return V2Reply.MissingParameter(V2Names.Signature);

            if (!credentials.IsKnown(secretId))
            {
                return V2Reply.Error(V2ErrorCodes.SecretIdNotFound, "The SecretId does not exist.");
            }

            string stringToSign = V2SignatureVerifier.BuildStringToSign(method, host, path, parameters);
            if (!V2SignatureVerifier.Verify(stringToSign, parameters[V2Names.SignatureMethod], credentials.FindKey(secretId), signature))
            {
                return V2Reply.Error(V2ErrorCodes.AuthenticationFailed, "Signature verification failed.");
            }

            long now = clock.GetUtcNow().ToUnixTimeSeconds();
            if (!replay.IsTimestampInWindow((long)timestamp, now))
            {
                return V2Reply.Error(V2ErrorCodes.ReplayRejected, "Timestamp is outside the allowed window; check the clock.");
            }

            if (!replay.TryRecord(secretId, nonce!, (long)timestamp, now))
            {
                return V2Reply.Error(V2ErrorCodes.ReplayRejected, "Nonce was already used; this looks like a replayed request.");
            }

            if (credentials.Token is { } expectedToken && !TokensMatch(expectedToken, parameters[V2Names.Token]))
            {
                return V2Reply.Error(V2ErrorCodes.TokenInvalid, "The session token is missing or wrong.");
            }

            if (!quota.TryConsume(secretId, clock.GetUtcNow()))
            {
                return V2Reply.Error(V2ErrorCodes.QuotaExceeded, "Request quota exceeded; slow down.");
            }

            return null;
        }

        /// <summary>UInt per docs/protocol.md §1.2: digits only, no sign, no spaces.</summary>
        private static bool TryParseUnsigned(string? text, out ulong value)
        {
            value = 0;
            return !string.IsNullOrEmpty(text) && ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        }

        private static bool TokensMatch(string expected, string? given) =>
            given != null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(given));
    }
}
