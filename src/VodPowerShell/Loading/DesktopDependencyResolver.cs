using System;
using System.IO;
using System.Reflection;

namespace VodPowerShell.Loading
{
    /// <summary>
    /// The netstandard2.0 build, for Windows PowerShell 5.1: .NET Framework has one load context, so we answer
    /// the binder's failed lookups ourselves with the copy in dependencies/, whatever version was asked for (our
    /// binding redirect). The event exists on .NET too, which is how the tests exercise this build in pwsh.
    /// </summary>
    internal static class DesktopDependencyResolver
    {
        private static readonly object Gate = new object();
        private static string? directory;
        private static bool registered;

        public static void Register(string dependencyDirectory)
        {
            lock (Gate)
            {
                if (registered) return;
                directory = dependencyDirectory;
                AppDomain.CurrentDomain.AssemblyResolve += Resolve;
                registered = true;
            }
        }

        public static void Unregister()
        {
            lock (Gate)
            {
                if (!registered) return;
                AppDomain.CurrentDomain.AssemblyResolve -= Resolve;
                registered = false;
            }
        }

        private static Assembly? Resolve(object? sender, ResolveEventArgs args)
        {
            string path = Path.Combine(directory!, new AssemblyName(args.Name).Name + ".dll");
            return File.Exists(path) ? Assembly.LoadFrom(path) : null;
        }
    }
}
