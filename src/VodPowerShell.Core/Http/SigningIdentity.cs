using System;
using VodPowerShell.Core.Credentials;
using VodPowerShell.Core.Signing;

namespace VodPowerShell.Core.Http
{
    /// <summary>
    /// What a transport signs with, whatever the API version: the SecretId, the session token, the key (as
    /// bytes it zeroes on <see cref="Dispose"/>) and the clock it stamps requests with.
    /// </summary>
    public sealed class SigningIdentity : IDisposable
    {
        public SigningIdentity(VodCredential credential, Func<DateTimeOffset> clock)
        {
            if (credential is null) throw new ArgumentNullException(nameof(credential));
            SecretId = credential.SecretId;
            Token = credential.Token?.ToPlainText();
            Key = SigningKey.FromSecureString(credential.SecretKey);
            Clock = new ServerClock(clock);
        }

        public string SecretId { get; }

        /// <summary>Sent as is, so held as text while the transport lives; never logged (see RedactedRequestText).</summary>
        public string? Token { get; }

        public SigningKey Key { get; }

        public ServerClock Clock { get; }

        /// <summary>
        /// After a rejection for the timestamp: adopt the service's time from its Date header. False when the
        /// service's time agrees with our stamp (or it sent none), so the clock was not the cause.
        /// </summary>
        public bool LearnServerTime(DateTimeOffset? serverDate, Action<string>? trace)
        {
            if (!Clock.Learn(serverDate)) return false;
            trace?.Invoke($"The local clock is {Clock.Offset} off the service's; using the service's time.");
            return true;
        }

        public void Dispose() => Key.Dispose();
    }
}
