using System;
using System.Management.Automation;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using VodPowerShell.Core.Api;
using VodPowerShell.Core.Client;
using VodPowerShell.Core.Credentials;
using VodPowerShell.Core.Errors;
using VodPowerShell.Core.Signing;
using VodPowerShell.Core.Throttling;
using VodPowerShell.Core.Http;
using VodPowerShell.Core.Protocol.V2;
using VodPowerShell.Errors;
using VodPowerShell.Session;

namespace VodPowerShell.Commands
{
    /// <summary>
    /// What every cmdlet that calls the API shares: credential and endpoint resolution, retry settings,
    /// cancellation on Ctrl+C, and turning core errors into ErrorRecords. Subclasses stay a few dozen lines.
    /// </summary>
    public abstract class VodApiCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource cancellation = new CancellationTokenSource();
        private readonly ConcurrentQueue<string> debugLines = new ConcurrentQueue<string>();
        private VodClient? client;

        /// <summary>SecretId as the user name and SecretKey as the password; overrides the session default.</summary>
        [Parameter]
        [Credential]
        public PSCredential? Credential { get; set; }

        /// <summary>The API address; https://vod.api.qcloud.com unless the profile says otherwise.</summary>
        [Parameter]
        public Uri? Endpoint { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Region { get; set; }

        [Parameter]
        public SignatureMethod SignatureMethod { get; set; } = SignatureMethod.HmacSHA256;

        /// <summary>Retries of a request the service reports as temporarily failed.</summary>
        [Parameter]
        [ValidateRange(0, 20)]
        public int MaximumRetryCount { get; set; } = 3;

        [Parameter]
        [ValidateRange(0, 600)]
        public double RetryIntervalSec { get; set; } = 1;

        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = 30;

        protected CancellationToken CancellationToken => cancellation.Token;

        /// <summary>The client for this invocation; created on first use so -WhatIf runs need no credential.</summary>
        protected VodClient Client => client ??= OpenClient();

        protected override void StopProcessing() => cancellation.Cancel();

        internal void WriteVodError(VodError error, object? target) => WriteError(ErrorRecordFactory.Create(error, target));

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

        internal ApiOutcome<int> ConfirmBatch(IReadOnlyList<string> handles) => Await(Client.ConfirmEventsAsync(handles, CancellationToken));

        /// <summary>Writes the queued request/response lines; call only on the pipeline thread.</summary>
        protected void FlushDebug()
        {
            while (debugLines.TryDequeue(out string? line)) WriteDebug(line);
        }

        /// <summary>
        /// Redacted request lines are built only when someone will see them. A script's own
        /// <c>$DebugPreference = 'Continue'</c> is a plain string, hence the conversion.
        /// </summary>
        private bool DebugWanted =>
            MyInvocation.BoundParameters.ContainsKey("Debug") ||
            (LanguagePrimitives.TryConvertTo(GetVariableValue("DebugPreference"), out ActionPreference preference) && preference != ActionPreference.SilentlyContinue);

        /// <summary>
        /// Client-side quota per SecretId, shared by every call in the process so normal runs never see 4400.
        /// The service allows 100 calls a minute; 0 turns the limit off.
        /// </summary>
        [Parameter]
        [ValidateRange(0, 1_000_000)]
        public int RequestsPerMinute { get; set; } = DefaultRequestsPerMinute;

        /// <summary>Length of the quota window in seconds (60 for the real service; smaller for tests and emulators).</summary>
        [Parameter(DontShow = true)]
        [ValidateRange(0.1, 3600)]
        public double QuotaWindowSec { get; set; } = 60;

        public const int DefaultRequestsPerMinute = 100;

        public void Dispose()
        {
            Dispose(true);
            client?.Dispose();
            cancellation.Dispose();
        }

        /// <summary>For subclasses that hold resources of their own (a journal).</summary>
        protected virtual void Dispose(bool disposing)
        {
        }

        private VodClient OpenClient()
        {
            VodProfile profile = ResolveProfile();
            WriteVerbose($"Using credential {profile.Credential.MaskedSecretId} from {profile.Source}.");
            IVodApi? api = null;
            try
            {
                var options = new TransportOptions(VodEndpoint.Create(Endpoint ?? profile.Endpoint))
                {
                    Region = RegionNames.ToV2(Region ?? profile.Region ?? TransportOptions.DefaultRegion),
                    SignatureMethod = SignatureMethod,
                    Timeout = TimeSpan.FromSeconds(TimeoutSec),
                    Trace = DebugWanted ? debugLines.Enqueue : (Action<string>?)null,
                };
                api = new V2Api(options, profile.Credential);
            }
            catch (VodException ex)
            {
                ThrowTerminatingError(ErrorRecordFactory.Create(ex, Endpoint));
            }

            var retry = new RetryOptions { MaximumRetryCount = MaximumRetryCount, RetryInterval = TimeSpan.FromSeconds(RetryIntervalSec) };
            var gate = QuotaGates.For(api!.Endpoint.Authority, profile.Credential.SecretId, RequestsPerMinute, TimeSpan.FromSeconds(QuotaWindowSec));
            return new VodClient(api, retry, gate);
        }

        private VodProfile ResolveProfile()
        {
            VodCredential? explicitCredential = Credential is null
                ? null
                : new VodCredential(Credential.UserName, Credential.Password);
            VodProfile? profile = new CredentialResolver().Resolve(explicitCredential, VodSessionState.Current.DefaultProfile);
            if (profile != null) return profile;

            var error = new VodError("NoCredential", VodErrorCategory.AuthenticationError,
                "No Tencent Cloud credential was found. Run Set-VodCredential -SecretId <id> -SecretKey (Read-Host -AsSecureString), " +
                $"pass -Credential, or set {EnvironmentNames.SecretId} and {EnvironmentNames.SecretKey}.", RetryPolicy.Never);
            ThrowTerminatingError(ErrorRecordFactory.Create(error, null));
            throw new InvalidOperationException("unreachable");
        }
    }
}
