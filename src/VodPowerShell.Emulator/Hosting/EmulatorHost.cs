using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VodPowerShell.Emulator.Admin;
using VodPowerShell.Emulator.Domain;
using VodPowerShell.Emulator.Downloads;
using VodPowerShell.Emulator.Protocol;
using VodPowerShell.Emulator.Protocol.V2;
using VodPowerShell.Emulator.Protocol.V3;

namespace VodPowerShell.Emulator.Hosting
{
    /// <summary>
    /// A running emulator on 127.0.0.1: the domain, the v2 and API 3.0 front ends and the admin endpoints on one listener.
    /// Used by the process entry point and, in process, by tests.
    /// </summary>
    public sealed class EmulatorHost : IAsyncDisposable
    {
        /// <summary>How often finished tasks are turned into events when nobody is asking (push mode needs it).</summary>
        private static readonly TimeSpan EventTick = TimeSpan.FromMilliseconds(50);

        /// <summary>Rendered sheets kept in memory, so reruns and parallel downloads do not encode twice.</summary>
        private const long SheetCacheBytes = 256L * 1024 * 1024;

        private FaultInjector? downloadFaults;

        private readonly WebApplication app;
        private readonly CallbackPusher? pusher;
        private readonly QuotaTracker quota;
        private readonly FaultInjector faults;
        private readonly CancellationTokenSource stopping = new();
        private Task ticker = Task.CompletedTask;

        private EmulatorHost(EmulatorOptions options, WebApplication app, VodService service, Ledger ledger, QuotaTracker quota, FaultInjector faults, CallbackPusher? pusher)
        {
            Options = options;
            this.app = app;
            Service = service;
            Ledger = ledger;
            this.quota = quota;
            this.faults = faults;
            this.pusher = pusher;
        }

        public EmulatorOptions Options { get; }

        /// <summary>The v2 API address, <c>http://127.0.0.1:PORT/v2/index.php</c>.</summary>
        public Uri Endpoint { get; private set; } = null!;

        /// <summary>The listener's base address, <c>http://127.0.0.1:PORT</c>; API 3.0 is served at its root.</summary>
        public Uri BaseAddress { get; private set; } = null!;

        public TimeProvider Clock => Options.Clock;

        public VodService Service { get; }

        public Ledger Ledger { get; }

        /// <summary>Every sprite download (<c>GET /_media/…</c>), also at <c>GET /_emulator/downloads</c>.</summary>
        public DownloadLog Downloads { get; private init; } = null!;

        /// <summary>Push mode only: how many events reached the callback receiver.</summary>
        public long CallbacksDelivered => pusher?.Delivered ?? 0;

        public static async Task<EmulatorHost> StartAsync(EmulatorOptions options, CancellationToken cancellationToken = default)
        {
            options.Validate();
            var clock = options.Clock;
            var media = new MediaLibrary(options.MediaFile is null, options.LibrarySize, options.LibrarySeed, clock.GetUtcNow());
            if (options.MediaFile is { } path)
            {
                media.Add(media.ParseFiles(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false)));
            }

            var pusher = options.CallbackUrl is { } url ? new CallbackPusher(url, options.CallbackFormat == CallbackFormat.V3 ? V3CallbackJson.EventBytes : V2EventJson.EventBytes, options.CallbackAttempts, options.CallbackBackoff) : null;
            var service = new VodService(clock, media,
                new TaskStore(new TaskTimings(options.TaskWaiting, options.TaskProcessing, options.TaskFailureRate, options.TaskSeed)),
                new EventQueue(new EventQueueTimings(options.VisibilityTimeout, options.HandleLifetime, options.MaxEventsPerPull)),
                pusher is null ? null : pusher.Enqueue);
            var ledger = new Ledger(options.LedgerCapacity);
            var quota = new QuotaTracker(options.QuotaRate, options.QuotaWindow, options.QuotaSliding);
            var faults = new FaultInjector(options.FaultRate, options.FaultKinds, options.FaultSeed);
            var credentials = new CredentialStore(options.SecretId, options.SecretKey, options.Token);
            var authenticator = new V2Authenticator(credentials, new ReplayGuard(options.TimestampWindow), quota, clock);
            var v2 = new V2Endpoint(authenticator, new V2Actions(service, options.LongPoll), faults, ledger, clock, options.SlowDelay);

            // API 3.0 on the same listener and domain: one account, one quota, one fault sequence, one ledger.
            var v3 = new V3Endpoint(new V3Authenticator(credentials, quota, clock, options.TimestampWindow), new V3Actions(service, options.LongPoll), faults, ledger, clock, options.SlowDelay);

            var downloads = new DownloadLog(options.LedgerCapacity);
            var downloadFaults = new FaultInjector(options.DownloadFaultRate, options.DownloadFaultKinds, options.DownloadFaultSeed);
            var files = new DownloadEndpoint(service, downloadFaults, downloads, new SheetCache(SheetCacheBytes), options.SlowDelay, options.SheetPaddingBytes);

            var app = BuildApplication(options.Port);
            EmulatorHost? host = null;
            app.MapMethods(DownloadEndpoint.Route, [HttpMethods.Get, HttpMethods.Head], files.HandleAsync);
            app.MapGet(AdminEndpoints.Prefix + "/downloads", AdminEndpoints.LoopbackOnly(context => context.Response.WriteAsJsonAsync(downloads.Snapshot(), context.RequestAborted)));
            app.MapMethods(V2Names.Path, [HttpMethods.Get, HttpMethods.Post], v2.HandleAsync);
            app.MapMethods(V3Names.Path, [HttpMethods.Get, HttpMethods.Post], v3.HandleAsync);
            AdminEndpoints.Map(app, () => host!);
            host = new EmulatorHost(options, app, service, ledger, quota, faults, pusher) { Downloads = downloads, downloadFaults = downloadFaults };

            try
            {
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                // Port taken or cancelled: release what was built, so a failed start leaks nothing in process.
                await app.DisposeAsync().ConfigureAwait(false);
                if (pusher != null) await pusher.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            host.BaseAddress = new Uri(address);
            host.Endpoint = new Uri(host.BaseAddress, V2Names.Path);
            service.Tasks.OutputBaseAddress = host.BaseAddress;
            host.ticker = host.TickAsync();
            return host;
        }

        /// <summary>Clears the ledger, download log, tasks, events and quota windows, and restarts both fault sequences.</summary>
        public void Reset()
        {
            Ledger.Clear();
            Service.Reset();
            quota.Clear();
            faults.Reset();
            downloadFaults?.Reset();
            Downloads.Clear();
        }

        public async ValueTask DisposeAsync()
        {
            await stopping.CancelAsync().ConfigureAwait(false);
            await ticker.ConfigureAwait(false);
            await app.StopAsync().ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
            if (pusher != null) await pusher.DisposeAsync().ConfigureAwait(false);
            stopping.Dispose();
        }

        /// <summary>
        /// An empty builder: no configuration files, environment URLs or console lifetime, so the listener is
        /// exactly what is set here and nothing but warnings reaches the console (on stderr).
        /// </summary>
        private static WebApplication BuildApplication(int port)
        {
            var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
            builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
            {
                kestrel.Listen(IPAddress.Loopback, port);
                kestrel.AddServerHeader = false;

                // Long GET queries (10 KB values, percent-encoded) must fit; the real service would want POST.
                kestrel.Limits.MaxRequestLineSize = 256 * 1024;
                kestrel.Limits.MaxRequestHeadersTotalSize = 512 * 1024;
                kestrel.Limits.MaxRequestBodySize = V2Parameters.MaxBodyBytes;
            });
            builder.Services.AddRoutingCore();
            builder.Services.AddSingleton<IHostLifetime, SignalFreeLifetime>();
            builder.Logging.SetMinimumLevel(LogLevel.Warning).AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
            return builder.Build();
        }

        private async Task TickAsync()
        {
            using var timer = new PeriodicTimer(EventTick);
            try
            {
                while (await timer.WaitForNextTickAsync(stopping.Token).ConfigureAwait(false))
                {
                    Service.PublishDueEvents();
                }
            }
            catch (OperationCanceledException)
            {
            }
        }

        /// <summary>The process entry point handles Ctrl+C itself; an in-process host must not steal the test runner's signals.</summary>
        private sealed class SignalFreeLifetime : IHostLifetime
        {
            public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

            public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        }
    }
}
