using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using VodPowerShell.Emulator.Domain;

namespace VodPowerShell.Emulator.Protocol.V2
{
    /// <summary>
    /// The HTTP side of <c>/v2/index.php</c>: read parameters, apply an injected fault, authenticate, run the
    /// action, record the request in the ledger, write the answer.
    /// </summary>
    public sealed class V2Endpoint
    {
        private readonly V2Authenticator authenticator;
        private readonly V2Actions actions;
        private readonly FaultInjector faults;
        private readonly Ledger ledger;
        private readonly TimeProvider clock;
        private readonly TimeSpan slowDelay;

        public V2Endpoint(V2Authenticator authenticator, V2Actions actions, FaultInjector faults, Ledger ledger, TimeProvider clock, TimeSpan slowDelay)
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
            V2Parameters parameters;
            try
            {
                parameters = await V2Parameters.ReadAsync(request).ConfigureAwait(false);
            }
            catch (InvalidDataException ex)
            {
                ledger.Record(clock.GetUtcNow(), V2Names.LedgerApi, request.Method, null, null, null, V2ErrorCodes.InvalidParameter, null, FaultKind.None, null);
                await ApiResponseWriter.WriteJsonAsync(context, V2Reply.Error(V2ErrorCodes.InvalidParameter, ex.Message).Body).ConfigureAwait(false);
                return;
            }

            var fault = faults.Next();
            if (ApiResponseWriter.IsInFrontOfService(fault))
            {
                int code = V2ErrorCodes.For(fault);
                Record(request.Method, parameters, code == V2ErrorCodes.Success ? null : code, fault, null);
                await ApiResponseWriter.WriteInFrontOfServiceAsync(context, fault, () => V2Reply.Error(code, "Injected fault: " + FaultInjector.NameOf(fault) + ".").Body).ConfigureAwait(false);
                return;
            }

            if (!await ApiResponseWriter.DelayIfSlowAsync(context, fault, slowDelay).ConfigureAwait(false))
            {
                Record(request.Method, parameters, null, fault, null);
                return;
            }

            // The Host header exactly as received: the signature covers the authority the client addressed.
            string host = request.Headers.Host.ToString();
            V2Reply reply = authenticator.Authenticate(request.Method, host, V2Names.Path, parameters)
                ?? await actions.InvokeAsync(parameters[V2Names.Action]!, parameters, context.RequestAborted).ConfigureAwait(false);
            Record(request.Method, parameters, reply.Code, fault, reply.VodTaskId);

            await ApiResponseWriter.WriteAsync(context, reply.Body, fault).ConfigureAwait(false);
        }

        private void Record(string method, V2Parameters parameters, int? code, FaultKind fault, string? vodTaskId) =>
            ledger.Record(clock.GetUtcNow(), V2Names.LedgerApi, method, parameters[V2Names.Action], parameters[V2Names.SecretId], parameters[V2Names.FileId], code, null, fault, vodTaskId);
    }
}
