using System;
using System.Management.Automation;
using System.Security;
using VodPowerShell.Completion;
using VodPowerShell.Core.Api;
using VodPowerShell.Core.Credentials;
using VodPowerShell.Core.Errors;
using VodPowerShell.Errors;
using VodPowerShell.Session;

namespace VodPowerShell.Commands
{
    /// <summary>
    /// Sets the credential (and optionally region, endpoint and API version) that later calls use: for this
    /// runspace (-Scope Session, the default) or saved as a named profile for the user (-Scope Persist).
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "VodCredential", DefaultParameterSetName = KeysSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(VodCredentialInfo))]
    public sealed class SetVodCredentialCommand : PSCmdlet
    {
        public const string DefaultProfileName = "default";
        private const string KeysSet = "Keys";
        private const string CredentialSet = "Credential";
        private int? apiVersion;   // an integer, not the engine's enum: see VodApiCmdlet

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = KeysSet)]
        [ValidateNotNullOrEmpty]
        public string SecretId { get; set; } = string.Empty;

        [Parameter(Mandatory = true, Position = 1, ParameterSetName = KeysSet)]
        [ValidateNotNull]
        public SecureString SecretKey { get; set; } = new SecureString();

        /// <summary>User name = SecretId, password = SecretKey.</summary>
        [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
        [Credential]
        [ValidateNotNull]
        public PSCredential Credential { get; set; } = PSCredential.Empty;

        /// <summary>Session token of temporary credentials.</summary>
        [Parameter]
        public SecureString? Token { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(RegionCompleter))]
        public string? Region { get; set; }

        [Parameter]
        public Uri? Endpoint { get; set; }

        [Parameter]
        public ApiVersion? ApiVersion
        {
            get => (ApiVersion?)apiVersion;
            set => apiVersion = (int?)value;
        }

        [Parameter]
        public CredentialScope Scope { get; set; } = CredentialScope.Session;

        /// <summary>The profile to save with -Scope Persist; "default" when not given.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ProfileNameCompleter))]
        public string? ProfileName { get; set; }

        /// <summary>With -Scope Persist: make this the profile used when nothing else is configured.</summary>
        [Parameter]
        public SwitchParameter Default { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void EndProcessing()
        {
            var credential = ParameterSetName == CredentialSet
                ? new VodCredential(Credential.UserName, Credential.Password.Copy(), Token?.Copy())
                : new VodCredential(SecretId, SecretKey.Copy(), Token?.Copy());

            if (Scope == CredentialScope.Persist)
            {
                Persist(credential);
                return;
            }

            if (ProfileName != null) WriteWarning("-ProfileName names a saved profile; it is ignored without -Scope Persist.");
            var profile = new VodProfile(credential, CredentialSources.Session) { Region = Region, Endpoint = Endpoint, ApiVersion = ApiVersion?.ToString() };
            if (!ShouldProcess(credential.MaskedSecretId, "Set the session credential")) return;
            VodSessionState.Current.DefaultProfile = profile;
            WriteVerbose($"Session credential set to {credential.MaskedSecretId}.");
            if (PassThru) WriteObject(VodCredentialInfo.From(profile));
        }

        private void Persist(VodCredential credential)
        {
            string name = ProfileName ?? DefaultProfileName;
            try
            {
                var store = new ProfileStore();
                if (!ShouldProcess($"{name} in {store.FilePath}", "Save credential profile")) return;

                // The first saved profile becomes the default, so a one-time setup is all a user needs.
                bool makeDefault = Default || store.DefaultProfileName is null;
                store.Save(name, credential, Region, Endpoint, ApiVersion?.ToString(), makeDefault);
                WriteVerbose($"Saved profile '{name}' ({credential.MaskedSecretId}) to {store.FilePath}{(makeDefault ? " as the default" : string.Empty)}.");
                if (PassThru && store.Get(name) is VodProfile saved) WriteObject(VodCredentialInfo.From(saved, name));
            }
            catch (VodException ex)
            {
                ThrowTerminatingError(ErrorRecordFactory.Create(ex, name));
            }
        }
    }
}
