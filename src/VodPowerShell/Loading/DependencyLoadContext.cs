using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace VodPowerShell.Loading
{
    /// <summary>
    /// The module's own load context: an assembly in dependencies/ is loaded from there unless the runtime
    /// itself ships it at the same or a newer version (System.Memory, System.Text.Json on PowerShell 7.6).
    /// Loading our netstandard copies of framework assemblies would split types such as Span&lt;T&gt; in two.
    /// </summary>
    internal sealed class DependencyLoadContext : AssemblyLoadContext
    {
        private readonly string directory;
        private readonly Lazy<Dictionary<string, string>> platformAssemblies = new Lazy<Dictionary<string, string>>(ReadPlatformAssemblies);

        public DependencyLoadContext(string directory) => this.directory = directory;

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            string path = Path.Combine(directory, assemblyName.Name + ".dll");
            if (!File.Exists(path) || PlatformProvides(assemblyName)) return null;
            return LoadFromAssemblyPath(path);
        }

        private bool PlatformProvides(AssemblyName requested)
        {
            if (!platformAssemblies.Value.TryGetValue(requested.Name!, out string? path)) return false;
            Version? shipped = AssemblyName.GetAssemblyName(path).Version;
            return shipped != null && (requested.Version is null || shipped >= requested.Version);
        }

        /// <summary>The runtime's and PowerShell's own assemblies (the trusted platform assemblies), by simple name.</summary>
        private static Dictionary<string, string> ReadPlatformAssemblies()
        {
            var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            string list = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty;
            foreach (string path in list.Split(new[] { Path.PathSeparator }, StringSplitOptions.RemoveEmptyEntries))
            {
                byName[Path.GetFileNameWithoutExtension(path)] = path;
            }

            return byName;
        }
    }
}
