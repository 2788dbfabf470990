using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace VodPowerShell.Core.Client
{
    /// <summary>
    /// ProcessMedia's <c>SessionId</c>: the service refuses a second request with the same one for days, so a
    /// retry, an HTTP-level resend or a resumed run cannot start a second task (docs/protocol.md). The key is
    /// derived from a per-run salt and the input, so it is the same for every attempt of one file in one run
    /// (a journal records it to carry it into the next run) and different in a new run, which may want new sprites.
    /// </summary>
    public static class IdempotencyKey
    {
        /// <summary>The service's limit on SessionId.</summary>
        public const int MaxLength = 50;

        private const string Prefix = "vps-";
        private const int HexDigits = 40;

        /// <summary>A fresh salt for one run: 128 random bits as hex.</summary>
        public static string NewRunSalt()
        {
            byte[] bytes = new byte[16];
            using (var random = RandomNumberGenerator.Create()) random.GetBytes(bytes);
            return ToHex(bytes, bytes.Length);
        }

        /// <summary>The key of <paramref name="fileId"/> and <paramref name="definition"/> in the run salted with <paramref name="runSalt"/>.</summary>
        public static string For(string runSalt, string fileId, int definition)
        {
            byte[] input = Encoding.UTF8.GetBytes(runSalt + "\n" + definition.ToString(CultureInfo.InvariantCulture) + "\n" + fileId);
            using var sha = SHA256.Create();
            return Prefix + ToHex(sha.ComputeHash(input), HexDigits / 2);
        }

        private static string ToHex(byte[] bytes, int count)
        {
            var text = new StringBuilder(count * 2);
            for (int i = 0; i < count; i++) text.Append(bytes[i].ToString("x2", CultureInfo.InvariantCulture));
            return text.ToString();
        }
    }
}
