using System;
using System.IO;
using System.Management.Automation;
using System.Runtime.InteropServices;

namespace VodPowerShell.Loader
{
    /// <summary>
    /// Runs when Import-Module loads this first nested module, before PowerShell reads the cmdlet assembly
    /// (whose parameter types come from VodPowerShell.Core). It only hooks assembly resolution — no file is
    /// read, nothing is loaded: the engine and its libraries live in the module's dependencies/ folder, out of
    /// PowerShell's reach, so they come in through our hook when first needed, and another module's copy of
    /// System.Threading.RateLimiting or System.Text.Json never collides with ours.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        internal static string DependencyDirectory { get; } =
            Path.Combine(Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location)!, "dependencies");

        /// <summary>Windows PowerShell runs on .NET Framework, which has no AssemblyLoadContext.</summary>
        private static bool IsDesktop => RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal);

        public void OnImport()
        {
            if (IsDesktop) DesktopDependencyResolver.Register(DependencyDirectory);
            else CoreDependencyResolver.Register(DependencyDirectory);
        }

        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            if (IsDesktop) DesktopDependencyResolver.Unregister();
            else CoreDependencyResolver.Unregister();
        }
    }
}
