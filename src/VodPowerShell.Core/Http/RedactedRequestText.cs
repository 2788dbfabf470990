using System;
using System.Collections.Generic;
using System.Text;
using VodPowerShell.Core.Protocol.V2;
using VodPowerShell.Core.Signing;

namespace VodPowerShell.Core.Http
{
    /// <summary>
    /// A request's parameters as one line for -Debug, with every secret replaced by <c>***</c>, the way
    /// Invoke-RestMethod redacts. The SecretKey never reaches this far; Signature and Token do and are hidden.
    /// </summary>
    public static class RedactedRequestText
    {
        private static readonly HashSet<string> Secret = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            WireNames.Signature, WireNames.Token, "SecretKey", "Authorization", "X-TC-Token",
        };

        public static string Format(IEnumerable<KeyValuePair<string, string>> parameters)
        {
            var builder = new StringBuilder(256);
            foreach (var pair in parameters)
            {
                if (IsSecret(pair.Key))
                {
                    if (builder.Length > 0) builder.Append('&');
                    builder.Append(pair.Key).Append("=***");
                }
                else
                {
                    PercentEncoding.AppendPair(builder, pair.Key, pair.Value);
                }
            }

            return builder.ToString();
        }

        public static bool IsSecret(string name) => Secret.Contains(name);
    }
}
