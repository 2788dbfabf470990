using System;
using System.IO;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using VodPowerShell.Emulator.Domain;
using VodPowerShell.Emulator.Hosting;

namespace VodPowerShell.Emulator.Admin
{
    /// <summary>
    /// Test hooks under <c>/_emulator/</c>: no signature, no faults, no quota, and only for loopback callers.
    /// </summary>
    public static class AdminEndpoints
    {
        public const string Prefix = "/_emulator";

        private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

        public static void Map(IEndpointRouteBuilder routes, Func<EmulatorHost> host)
        {
            routes.MapGet(Prefix + "/health", LoopbackOnly(context => WriteJsonAsync(context, new
            {
                status = "ok",
                endpoint = host().Endpoint.ToString(),
                tasks = host().Service.Tasks.Count,
                pendingEvents = host().Service.Events.PendingCount,
            })));
            routes.MapGet(Prefix + "/ledger", LoopbackOnly(context => WriteJsonAsync(context, host().Ledger.Snapshot())));
            routes.MapPost(Prefix + "/reset", LoopbackOnly(context =>
            {
                host().Reset();
                return WriteJsonAsync(context, new { reset = true });
            }));
            routes.MapPost(Prefix + "/media", LoopbackOnly(async context =>
            {
                using var reader = new StreamReader(context.Request.Body);
                string body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
                try
                {
                    var files = host().Service.Media.ParseFiles(body);
                    host().Service.Media.Add(files);
                    await WriteJsonAsync(context, new { added = files.Count }).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is JsonException || ex is InvalidDataException)
                {
                    context.Response.StatusCode = StatusCodes.Status400BadRequest;
                    await WriteJsonAsync(context, new { error = ex.Message }).ConfigureAwait(false);
                }
            }));
        }

        /// <summary>The listener is bound to 127.0.0.1 already; this keeps the promise even if that ever changes.</summary>
        public static RequestDelegate LoopbackOnly(RequestDelegate handler) => context =>
        {
            if (IsLoopback(context)) return handler(context);
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        };

        private static bool IsLoopback(HttpContext context) =>
            context.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address);

        private static Task WriteJsonAsync<T>(HttpContext context, T value)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            return JsonSerializer.SerializeAsync(context.Response.Body, value, Json, context.RequestAborted);
        }
    }
}
