using System.Management.Automation;
using VodPowerShell.Core.Credentials;
using VodPowerShell.Session;

namespace VodPowerShell.Commands
{
    /// <summary>Shows the credential calls would use now, and where it comes from; never the key.</summary>
    [Cmdlet(VerbsCommon.Get, "VodCredential")]
    [OutputType(typeof(VodCredentialInfo))]
    public sealed class GetVodCredentialCommand : PSCmdlet
    {
        protected override void EndProcessing()
        {
            VodProfile? profile = new CredentialResolver().Resolve(null, VodSessionState.Current.DefaultProfile);
            if (profile != null) WriteObject(VodCredentialInfo.From(profile));
        }
    }
}
