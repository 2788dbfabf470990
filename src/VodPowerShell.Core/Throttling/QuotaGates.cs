using System;
using System.Collections.Concurrent;

namespace VodPowerShell.Core.Throttling
{
    /// <summary>
    /// One gate per endpoint, SecretId and quota for the whole process: every cmdlet call, runspace and thread
    /// that uses the same key shares the same budget, as the service counts it.
    /// </summary>
    public static class QuotaGates
    {
        private static readonly ConcurrentDictionary<string, QuotaGate> Gates = new ConcurrentDictionary<string, QuotaGate>(StringComparer.Ordinal);

        /// <summary>The shared gate, or null when <paramref name="permitLimit"/> is 0 (no client-side limit).</summary>
        public static QuotaGate? For(string endpointAuthority, string secretId, int permitLimit, TimeSpan window)
        {
            if (permitLimit <= 0) return null;
            string key = string.Join("|", endpointAuthority, secretId, permitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture), window.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return Gates.GetOrAdd(key, _ => new QuotaGate(permitLimit, window));
        }
    }
}
