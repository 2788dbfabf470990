using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using VodPowerShell.Completion;
using VodPowerShell.Core.Api;
using VodPowerShell.Core.Client;
using VodPowerShell.Core.Credentials;
using VodPowerShell.Core.Errors;
using VodPowerShell.Core.Http;
using VodPowerShell.Core.Signing;
using VodPowerShell.Errors;
using VodPowerShell.Session;

namespace VodPowerShell.Commands
{
    /// <summary>
    /// What every cmdlet that calls the API shares: credential, profile, API version and endpoint resolution,
    /// retry and quota settings, cancellation on Ctrl+C, debug output on the pipeline thread, and turning core
    /// errors into ErrorRecords. Subclasses stay a few dozen lines.
    /// </summary>
    public abstract class VodApiCmdlet : VodCmdlet
    {
        private readonly ConcurrentQueue<string> debugLines = new ConcurrentQueue<string>();
        private readonly ConcurrentQueue<string> quotaLines = new ConcurrentQueue<string>();   // quota rate changes, for -Verbose
        private VodClient? client;

        // Enum-typed parameters keep an integer: PowerShell lists this assembly's public types when it imports it,
        // before ModuleInitializer hooks the engine's loading, and a field of one of the engine's enums would need
        // VodPowerShell.Core just to lay the type out (tests/Pester/Module.Tests.ps1).
        private int? apiVersion;
        private int signatureMethod = (int)Core.Signing.SignatureMethod.HmacSHA256;

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
        public ApiVersion? ApiVersion
        {
            get => (ApiVersion?)apiVersion;
            set => apiVersion = (int?)value;
        }

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
        public SignatureMethod SignatureMethod
        {
            get => (SignatureMethod)signatureMethod;
            set => signatureMethod = (int)value;
        }

        /// <summary>Retries of a request that failed in a way that may pass (5xx, network, 5100/6000/6200).</summary>
        [Parameter]
        [ValidateRange(0, 20)]
        public int MaximumRetryCount { get; set; } = RetryOptions.DefaultMaximumRetryCount;

        [Parameter]
        [ValidateRange(0, 600)]
        public double RetryIntervalSec { get; set; } = RetryOptions.DefaultRetryInterval.TotalSeconds;

        /// <summary>Per request, connect to last byte.</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int RequestTimeoutSec { get; set; } = (int)TransportOptions.DefaultTimeout.TotalSeconds;

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

        /// <summary>The client for this invocation; created on first use so -WhatIf runs need no credential.</summary>
        protected internal VodClient Client => client ??= OpenClient();

        internal void WriteVodError(VodError error, object? target) => WriteError(ErrorRecordFactory.Create(error, target));

        /// <summary>
        /// Waits for a core operation on the pipeline thread, then writes the debug lines its requests left
        /// (the transport runs on pool threads, which may not write to any stream). Ctrl+C stops the pipeline.
        /// </summary>
        protected internal T Await<T>(Task<T> operation)
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

        protected override void Dispose(bool disposing)
        {
            if (disposing) client?.Dispose();
            base.Dispose(disposing);
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
            var settings = new VodClientSettings
            {
                ApiVersion = ApiVersion,
                Endpoint = Endpoint,
                Region = Region,
                SubAppId = SubAppId,
                SignatureMethod = SignatureMethod,
                MaximumRetryCount = MaximumRetryCount,
                RetryInterval = TimeSpan.FromSeconds(RetryIntervalSec),
                RequestTimeout = TimeSpan.FromSeconds(RequestTimeoutSec),
                RequestsPerWindow = RequestsPerMinute,
                QuotaWindow = TimeSpan.FromSeconds(QuotaWindowSec),
                Trace = DebugWanted ? debugLines.Enqueue : (Action<string>?)null,
                QuotaTrace = quotaLines.Enqueue,
            };

            VodClient? created = null;
            try
            {
                created = VodClientFactory.Create(profile, settings);
            }
            catch (VodException ex)
            {
                ThrowTerminatingError(ErrorRecordFactory.Create(ex, Endpoint));
            }

            WriteVerbose($"Using credential {profile.Credential.MaskedSecretId} from {profile.Source}; API {created!.Api.Version} at {created.Api.Endpoint}.");
            return created;
        }

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
