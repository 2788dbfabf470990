using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace VodPowerShell.Emulator.Protocol.V2
{
    /// <summary>
    /// The parameters of one v2 request, decoded: from the query for GET, from the form body for POST (the
    /// query of a POST is ignored, docs/protocol.md §1.1). A repeated name keeps its last value, as PHP's $_GET does.
    /// </summary>
    public sealed class V2Parameters
    {
        /// <summary>Far above what the real service takes; large enough for the 10 KB values tests send.</summary>
        public const int MaxBodyBytes = 1024 * 1024;

        private readonly Dictionary<string, string> values;

        private V2Parameters(Dictionary<string, string> values) => this.values = values;

        public int Count => values.Count;

        public IEnumerable<KeyValuePair<string, string>> All => values;

        public string? this[string name] => values.TryGetValue(name, out var value) ? value : null;

        public static async Task<V2Parameters> ReadAsync(HttpRequest request)
        {
            if (HttpMethods.IsGet(request.Method))
            {
                // The raw query, not Request.Query: decoding is ours, so '+' and %2B are handled exactly like PHP does.
                string query = request.QueryString.Value ?? string.Empty;
                return Parse(query.StartsWith('?') ? query.AsSpan(1) : query.AsSpan());
            }

            if (request.ContentType is not { } contentType || !contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
            {
                return new V2Parameters(new Dictionary<string, string>(StringComparer.Ordinal));
            }

            if (request.ContentLength > MaxBodyBytes) throw new InvalidDataException($"The body is larger than {MaxBodyBytes} bytes.");
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            string body = await reader.ReadToEndAsync().ConfigureAwait(false);
            return Parse(body);
        }

        /// <summary>Decodes <c>a=1&amp;b=2</c> with form rules: '+' is a space, %XX are UTF-8 bytes.</summary>
        public static V2Parameters Parse(ReadOnlySpan<char> encoded)
        {
            var values = new Dictionary<string, string>(12, StringComparer.Ordinal);
            while (!encoded.IsEmpty)
            {
                int amp = encoded.IndexOf('&');
                var pair = amp < 0 ? encoded : encoded[..amp];
                encoded = amp < 0 ? ReadOnlySpan<char>.Empty : encoded[(amp + 1)..];
                if (pair.IsEmpty) continue;

                int eq = pair.IndexOf('=');
                string name = Decode(eq < 0 ? pair : pair[..eq]);
                if (name.Length == 0) continue;
                values[name] = eq < 0 ? string.Empty : Decode(pair[(eq + 1)..]);
            }

            return new V2Parameters(values);
        }

        private static string Decode(ReadOnlySpan<char> encoded)
        {
            string text = encoded.ToString();
            return encoded.IndexOfAny('%', '+') < 0 ? text : WebUtility.UrlDecode(text);
        }
    }
}
