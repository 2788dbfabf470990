using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using VodPowerShell.Completion;
using VodPowerShell.Core.Api;
using VodPowerShell.Core.Client;
using VodPowerShell.Core.Credentials;
using VodPowerShell.Core.Errors;
using VodPowerShell.Core.Http;
using VodPowerShell.Core.Models;
using VodPowerShell.Core.Signing;
using VodPowerShell.Core.Throttling;
using VodPowerShell.Errors;
using VodPowerShell.Session;

namespace VodPowerShell.Commands
{
    /// <summary>
    /// What every cmdlet that calls the API shares: credential, profile, API version and endpoint resolution,
    /// retry and quota settings, cancellation on Ctrl+C, debug output on the pipeline thread, and turning core
    /// errors into ErrorRecords. Subclasses stay a few dozen lines.
    /// </summary>
    public abstract class VodApiCmdlet : PSCmdlet, IDisposable
    {
        /// <summary>The v2 service's documented peak rate: 100 calls a minute.</summary>
        public const int V2RequestsPerWindow = 100;

        /// <summary>API 3.0's per-action limit: 100 calls a second.</summary>
        public const int V3RequestsPerWindow = 100;

        private readonly CancellationTokenSource cancellation = new CancellationTokenSource();
        private readonly ConcurrentQueue<string> debugLines = new ConcurrentQueue<string>();
        private readonly ConcurrentQueue<string> quotaLines = new ConcurrentQueue<string>();   // quota rate changes, for -Verbose
        private VodClient? client;
        private QuotaGate? quotaGate;

        /// <summary>SecretId as the user name and SecretKey as the password; overrides every other source.</summary>
        [Parameter]
        [Credential]
        public PSCredential? Credential { get; set; }

        /// <summary>A profile saved with Set-VodCredential -Scope Persist.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ProfileNameCompleter))]
        public string? ProfileName { get; set; }

        /// <summary>V2 (legacy) or V3 (API 3.0); by default the profile's, else chosen from the endpoint.</summary>
        [Parameter]
        public ApiVersion? ApiVersion { get; set; }

        /// <summary>The API address; by default the profile's, else the public endpoint of the API version.</summary>
        [Parameter]
        public Uri? Endpoint { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(RegionCompleter))]
        public string? Region { get; set; }

        /// <summary>API 3.0 sub-application; ignored by v2.</summary>
        [Parameter]
        public ulong? SubAppId { get; set; }

        /// <summary>v2 only: the HMAC of the signature (API 3.0 always uses TC3-HMAC-SHA256).</summary>
        [Parameter]
        public SignatureMethod SignatureMethod { get; set; } = SignatureMethod.HmacSHA256;

        /// <summary>Retries of a request that failed in a way that may pass (5xx, network, 5100/6000/6200).</summary>
        [Parameter]
        [ValidateRange(0, 20)]
        public int MaximumRetryCount { get; set; } = 3;

        [Parameter]
        [ValidateRange(0, 600)]
        public double RetryIntervalSec { get; set; } = 1;

        /// <summary>Per request, connect to last byte.</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int RequestTimeoutSec { get; set; } = 30;

        /// <summary>
        /// Client-side quota per SecretId, shared by every call in the process so normal runs never see a
        /// quota error. Defaults to the API's documented limit (v2: 100 a minute; v3: 100 a second); 0 turns it off.
        /// </summary>
        [Parameter]
        [ValidateRange(0, 1_000_000)]
        public int? RequestsPerMinute { get; set; }

        /// <summary>Length of the quota window in seconds when -RequestsPerMinute is given (for scaled-down tests).</summary>
        [Parameter(DontShow = true)]
        [ValidateRange(0.1, 3600)]
        public double QuotaWindowSec { get; set; } = 60;

        protected CancellationToken CancellationToken => cancellation.Token;

        /// <summary>The client for this invocation; created on first use so -WhatIf runs need no credential.</summary>
        protected VodClient Client => client ??= OpenClient();

        protected override void StopProcessing() => cancellation.Cancel();

        internal void WriteVodError(VodError error, object? target) => WriteError(ErrorRecordFactory.Create(error, target));

        /// <summary>Fetches one task; a failure is reported against the task id and gives null.</summary>
        internal VodTask? GetTaskOrReport(string taskId)
        {
            var outcome = Await(Client.GetTaskAsync(taskId, CancellationToken));
            if (outcome.IsSuccess) return outcome.Value;
            WriteVodError(outcome.Error!, taskId);
            return null;
        }

        /// <summary>Sleeps on the pipeline thread; true when Ctrl+C came first.</summary>
        internal bool WaitCancellable(TimeSpan interval) => CancellationToken.WaitHandle.WaitOne(interval);

        internal ApiOutcome<int> ConfirmBatch(IReadOnlyList<string> handles) => Await(Client.ConfirmEventsAsync(handles, CancellationToken));

        /// <summary>
        /// Waits for a core operation on the pipeline thread, then writes the debug lines its requests left
        /// (the transport runs on pool threads, which may not write to any stream). Ctrl+C stops the pipeline.
        /// </summary>
        protected T Await<T>(Task<T> operation)
        {
            try
            {
                return operation.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (Stopping)
            {
                throw new PipelineStoppedException();
            }
            finally
            {
                FlushDebug();
            }
        }

        /// <summary>Writes the queued request/response lines; call only on the pipeline thread.</summary>
        protected void FlushDebug()
        {
            while (debugLines.TryDequeue(out string? line)) WriteDebug(line);
            while (quotaLines.TryDequeue(out string? line)) WriteVerbose(line);
        }

        public void Dispose()
        {
            Dispose(true);
            if (quotaGate != null) quotaGate.RateChanged -= quotaLines.Enqueue;
            client?.Dispose();
            cancellation.Dispose();
        }

        /// <summary>For subclasses that hold resources of their own (a journal).</summary>
        protected virtual void Dispose(bool disposing)
        {
        }

        /// <summary>
        /// Redacted request lines are built only when someone will see them. A script's own
        /// <c>$DebugPreference = 'Continue'</c> is a plain string, hence the conversion.
        /// </summary>
        private bool DebugWanted =>
            MyInvocation.BoundParameters.ContainsKey("Debug") ||
            (LanguagePrimitives.TryConvertTo(GetVariableValue("DebugPreference"), out ActionPreference preference) && preference != ActionPreference.SilentlyContinue);

        private VodClient OpenClient()
        {
            VodProfile profile = ResolveProfile();
            IVodApi? api = null;
            Core.Api.ApiVersion version = Core.Api.ApiVersion.V2;
            try
            {
                Uri? endpoint = Endpoint ?? profile.Endpoint;
                version = ApiVersionSelector.Resolve(ApiVersion, ParseVersion(profile.ApiVersion), endpoint);
                string? region = Region ?? profile.Region;
                var options = new TransportOptions(VodEndpoint.Create(endpoint, version))
                {
                    // v2 always names a region (gz when none is set); API 3.0 only when one was asked for.
                    Region = version == Core.Api.ApiVersion.V2 ? RegionNames.ToV2(region ?? TransportOptions.DefaultRegion) : region is null ? null : RegionNames.ToV3(region),
                    SubAppId = SubAppId,
                    SignatureMethod = SignatureMethod,
                    Timeout = TimeSpan.FromSeconds(RequestTimeoutSec),
                    Trace = DebugWanted ? debugLines.Enqueue : (Action<string>?)null,
                };
                api = VodApiFactory.Create(version, options, profile.Credential);
            }
            catch (VodException ex)
            {
                ThrowTerminatingError(ErrorRecordFactory.Create(ex, Endpoint));
            }

            WriteVerbose($"Using credential {profile.Credential.MaskedSecretId} from {profile.Source}; API {version} at {api!.Endpoint}.");
            var retry = new RetryOptions { MaximumRetryCount = MaximumRetryCount, RetryInterval = TimeSpan.FromSeconds(RetryIntervalSec) };
            var (permits, window) = Quota(version);
            quotaGate = QuotaGates.For(api.Endpoint.Authority, profile.Credential.SecretId, permits, window, quotaLines.Enqueue);
            if (quotaGate != null) quotaGate.RateChanged += quotaLines.Enqueue;
            return new VodClient(api, retry, quotaGate);
        }

        private (int Permits, TimeSpan Window) Quota(Core.Api.ApiVersion version)
        {
            if (RequestsPerMinute is int permits) return (permits, TimeSpan.FromSeconds(QuotaWindowSec));
            return version == Core.Api.ApiVersion.V2
                ? (V2RequestsPerWindow, TimeSpan.FromMinutes(1))
                : (V3RequestsPerWindow, TimeSpan.FromSeconds(1));
        }

        private static Core.Api.ApiVersion? ParseVersion(string? text) =>
            Enum.TryParse(text, ignoreCase: true, out Core.Api.ApiVersion parsed) ? parsed : (Core.Api.ApiVersion?)null;

        private VodProfile ResolveProfile()
        {
            VodCredential? explicitCredential = Credential is null ? null : new VodCredential(Credential.UserName, Credential.Password);
            VodProfile? profile = null;
            try
            {
                profile = new CredentialResolver().Resolve(explicitCredential, ProfileName, VodSessionState.Current.DefaultProfile);
            }
            catch (VodException ex)
            {
                ThrowTerminatingError(ErrorRecordFactory.Create(ex, ProfileName));
            }

            if (profile != null) return profile;

            var error = new VodError("NoCredential", VodErrorCategory.AuthenticationError,
                "No Tencent Cloud credential was found. Run Set-VodCredential -SecretId <id> -SecretKey (Read-Host -AsSecureString) " +
                $"(add -Scope Persist to keep it), pass -Credential or -ProfileName, or set {EnvironmentNames.SecretId} and {EnvironmentNames.SecretKey}.", RetryPolicy.Never);
            ThrowTerminatingError(ErrorRecordFactory.Create(error, null));
            throw new InvalidOperationException("unreachable");
        }
    }
}
