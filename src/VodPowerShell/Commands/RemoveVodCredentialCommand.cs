using System.Management.Automation;
using VodPowerShell.Completion;
using VodPowerShell.Core.Credentials;
using VodPowerShell.Core.Errors;
using VodPowerShell.Errors;
using VodPowerShell.Session;

namespace VodPowerShell.Commands
{
    /// <summary>Forgets the session credential of this runspace, or with -ProfileName deletes a stored profile.</summary>
    [Cmdlet(VerbsCommon.Remove, "VodCredential", DefaultParameterSetName = SessionSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    public sealed class RemoveVodCredentialCommand : PSCmdlet
    {
        private const string SessionSet = "Session";
        private const string ProfileSet = "Profile";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ProfileSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ProfileNameCompleter))]
        public string[] ProfileName { get; set; } = System.Array.Empty<string>();

        protected override void ProcessRecord()
        {
            if (ParameterSetName == SessionSet)
            {
                RemoveSessionCredential();
                return;
            }

            var store = new ProfileStore();
            foreach (string name in ProfileName)
            {
                if (!ShouldProcess($"{name} in {store.FilePath}", "Delete credential profile")) continue;
                try
                {
                    if (!store.Remove(name))
                    {
                        WriteError(ErrorRecordFactory.Create(new VodError("ProfileNotFound", VodErrorCategory.ObjectNotFound,
                            $"There is no profile '{name}' in {store.FilePath}. Get-VodCredential -ListAvailable lists them.", RetryPolicy.Never), name));
                    }
                }
                catch (VodException ex)
                {
                    WriteError(ErrorRecordFactory.Create(ex, name));
                }
            }
        }

        private void RemoveSessionCredential()
        {
            var state = VodSessionState.Current;
            if (state.DefaultProfile is null)
            {
                WriteVerbose("No session credential is set.");
                return;
            }

            if (ShouldProcess(state.DefaultProfile.Credential.MaskedSecretId, "Remove session credential")) state.DefaultProfile = null;
        }
    }
}
