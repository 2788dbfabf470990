using System;
using System.Collections.Generic;

namespace VodPowerShell.Emulator.Protocol.V3
{
    /// <summary>
    /// The parts of <c>Authorization: TC3-HMAC-SHA256 Credential=&lt;SecretId&gt;/&lt;date&gt;/&lt;service&gt;/tc3_request,
    /// SignedHeaders=a;b, Signature=&lt;hex&gt;</c>, as the client wrote them.
    /// </summary>
    public sealed record Tc3Authorization(string SecretId, string Date, string Service, string Terminator, string SignedHeaders, string Signature)
    {
        /// <summary>The signed header names, lower-cased, in the order the client listed them.</summary>
        public IReadOnlyList<string> SignedHeaderNames => SignedHeaders.Split(';');

        /// <summary>Null when the header is not of this shape; nothing is checked against the account here.</summary>
        public static Tc3Authorization? TryParse(string? header)
        {
            if (header is null || !header.StartsWith(V3Names.Algorithm + " ", StringComparison.Ordinal)) return null;

            string? credential = null, signedHeaders = null, signature = null;
            foreach (string part in header[(V3Names.Algorithm.Length + 1)..].Split(','))
            {
                int eq = part.IndexOf('=');
                if (eq <= 0) return null;
                string value = part[(eq + 1)..].Trim();
                switch (part[..eq].Trim())
                {
                    case "Credential": credential = value; break;
                    case "SignedHeaders": signedHeaders = value.ToLowerInvariant(); break;
                    case "Signature": signature = value; break;
                    default: return null;
                }
            }

            string[]? scope = credential?.Split('/');
            if (scope is not { Length: 4 } || Array.Exists(scope, string.IsNullOrEmpty)
                || string.IsNullOrEmpty(signedHeaders) || string.IsNullOrEmpty(signature))
            {
                return null;
            }

            return new Tc3Authorization(scope[0], scope[1], scope[2], scope[3], signedHeaders!, signature!);
        }
    }
}
