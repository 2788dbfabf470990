using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using VodPowerShell.Core.Credentials;

namespace VodPowerShell.Session
{
    /// <summary>
    /// What Set-VodCredential remembers, kept per runspace: two runbooks in one process (runspace pools,
    /// ForEach-Object -Parallel, Azure Automation workers) never see each other's credentials.
    /// </summary>
    internal sealed class VodSessionState
    {
        private static readonly ConditionalWeakTable<Runspace, VodSessionState> PerRunspace = new ConditionalWeakTable<Runspace, VodSessionState>();
        private static readonly VodSessionState NoRunspace = new VodSessionState();

        public VodProfile? DefaultProfile { get; set; }

        /// <summary>The state of the runspace the calling cmdlet runs in.</summary>
        public static VodSessionState Current =>
            Runspace.DefaultRunspace is Runspace runspace ? PerRunspace.GetValue(runspace, _ => new VodSessionState()) : NoRunspace;
    }
}
