using System.IO;
using System.Management.Automation;

namespace VodPowerShell.Loader
{
    /// <summary>
    /// Runs when Import-Module loads this first nested module, before PowerShell reads the cmdlet assembly
    /// (whose parameter types come from VodPowerShell.Core). It only hooks assembly resolution — no file is
    /// read, nothing is loaded: the engine and its libraries live in the dependencies/ folder beside this
    /// assembly, out of PowerShell's reach, so they come in through our hook when a cmdlet first needs them,
    /// and another module's copy of System.Threading.RateLimiting or System.Text.Json never collides with ours.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        internal static string DependencyDirectory { get; } =
            Path.Combine(Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location)!, "dependencies");

#if NET8_0_OR_GREATER
        public void OnImport() => CoreDependencyResolver.Register(DependencyDirectory);

        public void OnRemove(PSModuleInfo psModuleInfo) => CoreDependencyResolver.Unregister();
#else
        public void OnImport() => DesktopDependencyResolver.Register(DependencyDirectory);

        public void OnRemove(PSModuleInfo psModuleInfo) => DesktopDependencyResolver.Unregister();
#endif
    }
}
