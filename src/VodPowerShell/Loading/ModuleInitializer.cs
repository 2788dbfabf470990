using System.IO;
using System.Management.Automation;

namespace VodPowerShell.Loading
{
    /// <summary>
    /// Runs when Import-Module loads this assembly, after PowerShell has listed its public types and before it
    /// reads their attributes. It only hooks assembly resolution — no file is read, nothing is loaded: the
    /// engine and its libraries live in the dependencies/ folder beside this assembly, out of PowerShell's reach,
    /// so they come in through our hook when a cmdlet first needs them, and another module's copy of
    /// System.Threading.RateLimiting or System.Text.Json never collides with ours. Listing the public types must
    /// therefore not need VodPowerShell.Core: no public type here holds a field of one of its value types
    /// (enum-typed parameters keep an integer, see <see cref="Commands.VodApiCmdlet"/>), which
    /// tests/Pester/Module.Tests.ps1 checks. One assembly instead of a loader nested module saves PowerShell a
    /// second module import (README, "Two builds, one module").
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        internal static string DependencyDirectory { get; } =
            Path.Combine(Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location)!, "dependencies");

        public void OnImport() => DependencyResolver.Register(DependencyDirectory);

        public void OnRemove(PSModuleInfo psModuleInfo) => DependencyResolver.Unregister();
    }
}
