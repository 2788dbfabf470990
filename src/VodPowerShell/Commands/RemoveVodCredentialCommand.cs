using System.Management.Automation;
using VodPowerShell.Session;

namespace VodPowerShell.Commands
{
    /// <summary>Forgets the session credential set by Set-VodCredential in this runspace.</summary>
    [Cmdlet(VerbsCommon.Remove, "VodCredential", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    public sealed class RemoveVodCredentialCommand : PSCmdlet
    {
        protected override void EndProcessing()
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
