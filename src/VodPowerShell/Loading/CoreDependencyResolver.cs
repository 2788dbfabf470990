using System;
using System.Reflection;
using System.Runtime.Loader;

namespace VodPowerShell.Loading
{
    /// <summary>
    /// The net8.0 build, for PowerShell 7.4+: the one assembly the cmdlets reference, VodPowerShell.Core, is not next to them, so the
    /// default context fails to find it and asks us; we load it into <see cref="DependencyLoadContext"/>, and
    /// everything the engine needs is then resolved by that context from dependencies/ — never by the default
    /// context, where another module may have loaded a different version first.
    /// </summary>
    internal static class CoreDependencyResolver
    {
        private const string EngineAssemblyName = "VodPowerShell.Core";
        private static readonly object Gate = new object();
        private static DependencyLoadContext? context;
        private static bool registered;

        public static void Register(string directory)
        {
            lock (Gate)
            {
                if (registered) return;
                context ??= new DependencyLoadContext(directory);
                AssemblyLoadContext.Default.Resolving += ResolveEngine;
                registered = true;
            }
        }

        public static void Unregister()
        {
            lock (Gate)
            {
                if (!registered) return;
                AssemblyLoadContext.Default.Resolving -= ResolveEngine;
                registered = false;
            }
        }

        private static Assembly? ResolveEngine(AssemblyLoadContext requester, AssemblyName name) =>
            string.Equals(name.Name, EngineAssemblyName, StringComparison.Ordinal) ? context!.LoadFromAssemblyName(name) : null;
    }
}
