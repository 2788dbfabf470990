using System;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using VodPowerShell.Emulator.Domain;

namespace VodPowerShell.Emulator.Protocol.V3
{
    /// <summary>
    /// The HTTP side of API 3.0 (<c>POST /</c> and <c>GET /</c>, either signing mode): read the raw body and the
    /// request (<see cref="V3Request"/>), apply an injected fault, authenticate, run the action, record the request
    /// in the ledger, write the answer. Same faults, ledger and quota as v2.
    /// </summary>
    public sealed class V3Endpoint
    {
        private readonly V3Authenticator authenticator;
        private readonly V3Actions actions;
        private readonly FaultInjector faults;
        private readonly Ledger ledger;
        private readonly TimeProvider clock;
        private readonly TimeSpan slowDelay;

        public V3Endpoint(V3Authenticator authenticator, V3Actions actions, FaultInjector faults, Ledger ledger, TimeProvider clock, TimeSpan slowDelay)
        {
            this.authenticator = authenticator;
            this.actions = actions;
            this.faults = faults;
            this.ledger = ledger;
            this.clock = clock;
            this.slowDelay = slowDelay;
        }

        public async Task HandleAsync(HttpContext context)
        {
            var request = context.Request;
            byte[] body;
            try
            {
                // The exact bytes: the signature covers their hash, so nothing may re-encode them first.
                using var buffer = new MemoryStream();
                await request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
                body = buffer.ToArray();
            }
            catch (BadHttpRequestException ex)
            {
                var tooLarge = V3Reply.InvalidParameter("body (" + ex.Message + ")");
                Record(request, null, null, null, tooLarge.ErrorCode, FaultKind.None, null);
                await ApiResponseWriter.WriteJsonAsync(context, tooLarge.Body).ConfigureAwait(false);
                return;
            }

            using var received = V3Request.Read(request, body);
            JsonElement? fields = received.Fields?.RootElement;
            string? fileId = ReceivedFileId(fields);

            var fault = faults.Next();
            if (ApiResponseWriter.IsInFrontOfService(fault))
            {
                string? code = V3ErrorCodes.For(fault);
                Record(request, received, fileId, null, code, fault, null);
                await ApiResponseWriter.WriteInFrontOfServiceAsync(context, fault, () => V3Reply.Error(code!, "Injected fault: " + FaultInjector.NameOf(fault) + ".").Body).ConfigureAwait(false);
                return;
            }

            if (!await ApiResponseWriter.DelayIfSlowAsync(context, fault, slowDelay).ConfigureAwait(false))
            {
                Record(request, received, fileId, null, null, fault, null);
                return;
            }

            V3Reply reply = authenticator.Authenticate(received)
                ?? await actions.InvokeAsync(received.Action, received.Version, fields, context.RequestAborted).ConfigureAwait(false);
            Record(request, received, fileId, reply.ErrorCode is null ? 0 : null, reply.ErrorCode, fault, reply.VodTaskId);
            await ApiResponseWriter.WriteAsync(context, reply.Body, fault).ConfigureAwait(false);
        }

        /// <summary>FileId exactly as received: the string, or the raw JSON of any other value.</summary>
        private static string? ReceivedFileId(JsonElement? fields) =>
            fields is { ValueKind: JsonValueKind.Object } body && body.TryGetProperty(V3Names.FileId, out var value)
                ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
                : null;

        /// <summary><paramref name="received"/> is null when the body could not even be read.</summary>
        private void Record(HttpRequest request, V3Request? received, string? fileId, int? code, string? errorCode, FaultKind fault, string? vodTaskId)
        {
            string? action = string.IsNullOrEmpty(received?.Action) ? null : received.Action;
            ledger.Record(clock.GetUtcNow(), V3Names.LedgerApi, request.Method, action, received?.SecretId, fileId, code, errorCode, fault, vodTaskId);
        }
    }
}
