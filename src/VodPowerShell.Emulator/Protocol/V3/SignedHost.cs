using System;

namespace VodPowerShell.Emulator.Protocol.V3
{
    /// <summary>
    /// The host a client may have signed for the Host header it sent. Tencent's SDKs differ: some sign the endpoint
    /// as configured (port included), the Node.js SDK signs the URL's hostname (no port) while its Host header keeps
    /// the port. The real service only ever sees port 443, where both agree; a loopback emulator on another port
    /// cannot tell one habit from the other, so both are accepted. The host itself must still be the one addressed.
    /// </summary>
    public static class SignedHost
    {
        /// <summary>The Host header as received, then, when it carries a port, the same host without it.</summary>
        public static string[] Candidates(string host)
        {
            int colon = host.LastIndexOf(':');
            bool hasPort = colon > 0 && colon > host.LastIndexOf(']') && colon < host.Length - 1
                && host.AsSpan(colon + 1).IndexOfAnyExceptInRange('0', '9') < 0;
            return hasPort ? [host, host[..colon]] : [host];
        }
    }
}
