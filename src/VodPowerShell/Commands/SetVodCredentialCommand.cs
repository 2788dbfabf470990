using System;
using System.Management.Automation;
using System.Security;
using VodPowerShell.Core.Credentials;
using VodPowerShell.Session;

namespace VodPowerShell.Commands
{
    /// <summary>Sets the credential (and optionally region and endpoint) that later calls in this runspace use.</summary>
    [Cmdlet(VerbsCommon.Set, "VodCredential", DefaultParameterSetName = KeysSet)]
    [OutputType(typeof(VodCredentialInfo))]
    public sealed class SetVodCredentialCommand : PSCmdlet
    {
        private const string KeysSet = "Keys";
        private const string CredentialSet = "Credential";

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
        public string? Region { get; set; }

        [Parameter]
        public Uri? Endpoint { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void EndProcessing()
        {
            var credential = ParameterSetName == CredentialSet
                ? new VodCredential(Credential.UserName, Credential.Password.Copy(), Token?.Copy())
                : new VodCredential(SecretId, SecretKey.Copy(), Token?.Copy());

            var profile = new VodProfile(credential, CredentialSources.Session) { Region = Region, Endpoint = Endpoint };
            VodSessionState.Current.DefaultProfile = profile;
            WriteVerbose($"Session credential set to {credential.MaskedSecretId}.");
            if (PassThru) WriteObject(VodCredentialInfo.From(profile));
        }
    }
}
