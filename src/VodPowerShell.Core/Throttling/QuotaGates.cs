using System;
using System.Collections.Concurrent;
using System.Globalization;

namespace VodPowerShell.Core.Throttling
{
    /// <summary>
    /// One gate per endpoint, SecretId and quota for the whole process: every cmdlet call, runspace and thread
    /// that uses the same key shares the same budget, as the service counts it. Shared gates also share it with
    /// the user's other processes on this machine.
    /// </summary>
    public static class QuotaGates
    {
        private static readonly ConcurrentDictionary<string, QuotaGate> Gates = new ConcurrentDictionary<string, QuotaGate>(StringComparer.Ordinal);

        /// <summary>
        /// The gate, or null when <paramref name="permitLimit"/> is 0 (no client-side limit). Shared with the
        /// user's other processes unless <see cref="QuotaStateFolder.SharingVariable"/> turns that off.
        /// </summary>
        public static QuotaGate? For(string endpointAuthority, string secretId, int permitLimit, TimeSpan window, Action<string>? warning = null) =>
            For(endpointAuthority, secretId, permitLimit, window, Environment.GetEnvironmentVariable, warning);

        public static QuotaGate? For(string endpointAuthority, string secretId, int permitLimit, TimeSpan window, Func<string, string?> readEnvironment, Action<string>? warning = null)
        {
            if (permitLimit <= 0) return null;
            bool shared = QuotaStateFolder.SharingEnabled(readEnvironment);
            string folder = shared ? QuotaStateFolder.Resolve(readEnvironment) : string.Empty;
            string key = string.Join("|", endpointAuthority, secretId, permitLimit.ToString(CultureInfo.InvariantCulture), window.Ticks.ToString(CultureInfo.InvariantCulture), folder);
            return Gates.GetOrAdd(key, _ => shared
                ? QuotaGate.Shared(permitLimit, window, folder, endpointAuthority, secretId, warning)
                : new QuotaGate(permitLimit, window));
        }
    }
}
