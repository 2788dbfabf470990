using System;
using System.Reflection;
#if NET8_0_OR_GREATER
using System.Runtime.Loader;
#endif

namespace VodPowerShell.Loading
{
    /// <summary>
    /// Hooks the loading of VodPowerShell.Core and its libraries from dependencies/, once per process however
    /// often the module is imported, and unhooks it when the module is removed. Each build has its own hook:
    /// <list type="bullet">
    /// <item>net8.0, for PowerShell 7.4+: the one assembly the cmdlets reference, VodPowerShell.Core, is not
    /// next to them, so the default context fails to find it and asks us; we load it into
    /// <see cref="DependencyLoadContext"/>, and everything the engine needs is then resolved by that context from
    /// dependencies/ — never by the default context, where another module may have loaded a different version
    /// first.</item>
    /// <item>netstandard2.0, for Windows PowerShell 5.1: .NET Framework has one load context, so we answer the
    /// binder's failed lookups ourselves with the copy in dependencies/, whatever version was asked for (our
    /// binding redirect). The event exists on .NET too, which is how the tests exercise this build in pwsh.</item>
    /// </list>
    /// </summary>
    internal static class DependencyResolver
    {
        private static readonly object Gate = new object();
        private static bool registered;

        public static void Register(string directory)
        {
            lock (Gate)
            {
                if (registered) return;
                Hook(directory);
                registered = true;
            }
        }

        public static void Unregister()
        {
            lock (Gate)
            {
                if (!registered) return;
                Unhook();
                registered = false;
            }
        }

#if NET8_0_OR_GREATER
        private const string EngineAssemblyName = "VodPowerShell.Core";
        private static DependencyLoadContext? context;

        private static void Hook(string directory)
        {
            context ??= new DependencyLoadContext(directory);
            AssemblyLoadContext.Default.Resolving += ResolveEngine;
        }

        private static void Unhook() => AssemblyLoadContext.Default.Resolving -= ResolveEngine;

        private static Assembly? ResolveEngine(AssemblyLoadContext requester, AssemblyName name) =>
            string.Equals(name.Name, EngineAssemblyName, StringComparison.Ordinal) ? context!.LoadFromAssemblyName(name) : null;
#else
        private static string? dependencyDirectory;

        private static void Hook(string directory)
        {
            dependencyDirectory = directory;
            AppDomain.CurrentDomain.AssemblyResolve += Resolve;
        }

        private static void Unhook() => AppDomain.CurrentDomain.AssemblyResolve -= Resolve;

        private static Assembly? Resolve(object? sender, ResolveEventArgs args)
        {
            string path = System.IO.Path.Combine(dependencyDirectory!, new AssemblyName(args.Name).Name + ".dll");
            return System.IO.File.Exists(path) ? Assembly.LoadFrom(path) : null;
        }
#endif
    }
}
