using System;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using VodPowerShell.Emulator.Protocol.V2;

namespace VodPowerShell.Emulator.Protocol.V3
{
    /// <summary>How an API 3.0 request is signed (docs/protocol.md, API 3.0).</summary>
    public enum V3SigningMode
    {
        /// <summary>TC3-HMAC-SHA256 in the Authorization header; the fields are a JSON body (POST) or the query (GET).</summary>
        Tc3,

        /// <summary>Signature v1: HmacSHA1 or HmacSHA256 over the parameters, sent as the query (GET) or a form body (POST).</summary>
        SignatureV1,
    }

    /// <summary>
    /// One API 3.0 request as it arrived, read the same way whatever the signing mode and method, so the
    /// authenticator and the actions each have one path: the action, who sent it, and its fields as a JSON object.
    /// Nothing here is trusted until <see cref="V3Authenticator"/> has checked it.
    /// </summary>
    public sealed class V3Request : IDisposable
    {
        private V3Request(HttpRequest http, byte[] body, string query, V3SigningMode mode, V2Parameters? parameters, JsonDocument? fields)
        {
            Http = http;
            Body = body;
            Query = query;
            Mode = mode;
            Parameters = parameters;
            Fields = fields;
            var headers = http.Headers;
            if (mode == V3SigningMode.SignatureV1)
            {
                Action = parameters![V3Names.ActionParameter] ?? string.Empty;
                Version = parameters[V3Names.VersionParameter] ?? string.Empty;
                TimestampText = parameters[V3Names.TimestampParameter] ?? string.Empty;
                SecretId = parameters[V3Names.SecretIdParameter];
                Token = parameters[V3Names.TokenParameter];
            }
            else
            {
                Action = headers[V3Names.ActionHeader].ToString();
                Version = headers[V3Names.VersionHeader].ToString();
                TimestampText = headers[V3Names.TimestampHeader].ToString();
                AuthorizationText = headers[V3Names.AuthorizationHeader].ToString();
                Authorization = Tc3Authorization.TryParse(AuthorizationText);
                SecretId = Authorization?.SecretId;
                Token = headers[V3Names.TokenHeader].ToString();
            }
        }

        public HttpRequest Http { get; }

        public V3SigningMode Mode { get; }

        /// <summary>The exact bytes received: TC3 signs their hash.</summary>
        public byte[] Body { get; }

        /// <summary>The raw query without '?': TC3 signs it as sent.</summary>
        public string Query { get; }

        /// <summary>Empty when absent.</summary>
        public string Action { get; }

        /// <summary>Empty when absent.</summary>
        public string Version { get; }

        /// <summary>Empty when absent.</summary>
        public string TimestampText { get; }

        /// <summary>The SecretId the client named, for the ledger; null when it named none.</summary>
        public string? SecretId { get; }

        /// <summary>X-TC-Token or the Token parameter; empty or null when none was sent.</summary>
        public string? Token { get; }

        /// <summary>TC3 only: the Authorization header as sent (empty when absent) and its parts when it has TC3's shape.</summary>
        public string AuthorizationText { get; } = string.Empty;

        public Tc3Authorization? Authorization { get; }

        /// <summary>Signature v1 only: every parameter, signature included, decoded.</summary>
        public V2Parameters? Parameters { get; }

        /// <summary>The action's fields; null when a POST body is not JSON.</summary>
        public JsonDocument? Fields { get; }

        /// <summary>
        /// A request without an Authorization header whose parameters carry Signature or Action is signature v1;
        /// anything else is read as TC3, whose checks then say what is missing.
        /// </summary>
        public static V3Request Read(HttpRequest request, byte[] body)
        {
            string query = request.QueryString.Value ?? string.Empty;
            if (query.StartsWith('?')) query = query[1..];
            bool isGet = HttpMethods.IsGet(request.Method);

            if (request.Headers[V3Names.AuthorizationHeader].Count == 0)
            {
                V2Parameters? parameters = isGet ? V2Parameters.Parse(query)
                    : IsFormContent(request.ContentType) ? V2Parameters.Parse(Encoding.UTF8.GetString(body))
                    : null;
                if (parameters != null && (parameters[V3Names.SignatureParameter] != null || parameters[V3Names.ActionParameter] != null))
                {
                    return new V3Request(request, body, query, V3SigningMode.SignatureV1, parameters, V3FlattenedFields.ToJson(parameters.All));
                }
            }

            JsonDocument? fields = isGet ? V3FlattenedFields.ToJson(V2Parameters.Parse(query).All) : TryParseJson(body);
            return new V3Request(request, body, query, V3SigningMode.Tc3, null, fields);
        }

        public static bool IsFormContent(string? contentType) =>
            contentType != null && contentType.StartsWith(V3Names.FormContentType, StringComparison.OrdinalIgnoreCase);

        public void Dispose() => Fields?.Dispose();

        private static JsonDocument? TryParseJson(byte[] body)
        {
            try
            {
                return JsonDocument.Parse(body);
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }
}
