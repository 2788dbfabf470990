using System.Management.Automation;
using VodPowerShell.Completion;
using VodPowerShell.Core.Credentials;
using VodPowerShell.Core.Errors;
using VodPowerShell.Errors;
using VodPowerShell.Session;

namespace VodPowerShell.Commands
{
    /// <summary>
    /// Shows the credential calls would use now and where it comes from, one stored profile by name, or with
    /// -ListAvailable every stored profile. Never a key or a token: a masked SecretId and where it lives.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "VodCredential", DefaultParameterSetName = CurrentSet)]
    [OutputType(typeof(VodCredentialInfo))]
    public sealed class GetVodCredentialCommand : PSCmdlet
    {
        private const string CurrentSet = "Current";
        private const string ProfileSet = "Profile";
        private const string ListSet = "List";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ProfileSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ProfileNameCompleter))]
        public string ProfileName { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ParameterSetName = ListSet)]
        public SwitchParameter ListAvailable { get; set; }

        protected override void EndProcessing()
        {
            try
            {
                switch (ParameterSetName)
                {
                    case ListSet:
                        foreach (var stored in new ProfileStore().List()) WriteObject(VodCredentialInfo.From(stored));
                        break;
                    case ProfileSet:
                        WriteObject(VodCredentialInfo.From(new CredentialResolver().Resolve(null, ProfileName, null)!, ProfileName));
                        break;
                    default:
                        var current = new CredentialResolver().Resolve(null, VodSessionState.Current.DefaultProfile);
                        if (current != null) WriteObject(VodCredentialInfo.From(current));
                        else WriteVerbose("No credential is configured for this session, the environment, the profile store or Tencent's shared files.");
                        break;
                }
            }
            catch (VodException ex)
            {
                ThrowTerminatingError(ErrorRecordFactory.Create(ex, ParameterSetName == ProfileSet ? ProfileName : null));
            }
        }
    }
}
