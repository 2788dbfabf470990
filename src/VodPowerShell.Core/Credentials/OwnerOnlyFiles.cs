using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.ExceptionServices;

namespace VodPowerShell.Core.Credentials
{
    /// <summary>
    /// Unix only: creates directories (0700) and files (0600) that only their owner can use, and reads a path's mode.
    /// </summary>
    /// <remarks>
    /// netstandard2.0 has no Unix mode APIs, but every .NET that PowerShell 7.3+ runs on (.NET 7 and later) has
    /// <c>FileStreamOptions.UnixCreateMode</c>, <c>Directory.CreateDirectory(string, UnixFileMode)</c> and
    /// <c>File.GetUnixFileMode</c>; we bind them once through reflection. The mode goes to open(2)/mkdir(2) itself,
    /// so a file never exists with a wider mode, not even empty. We chose this over P/Invoke to libc because
    /// open(2)'s flag values differ between Linux and macOS. On an older runtime we refuse rather than write
    /// secrets with the default mode. The net8.0 build calls the same APIs directly.
    /// </remarks>
    internal static class OwnerOnlyFiles
    {
        public const int OwnerOnlyFileMode = 0x180;       // 0600
        public const int OwnerOnlyDirectoryMode = 0x1C0;  // 0700
        public const int GroupOrOtherReadWrite = 0x36;    // 0066

        public static bool IsSharedWithOthers(string path) => (GetMode(path) & GroupOrOtherReadWrite) != 0;

#if NET8_0_OR_GREATER
        // Callers reach these only off Windows (HostPlatform.IsWindows), which the platform analyzer cannot see.
#pragma warning disable CA1416
        /// <summary>Creates the directory and any missing parents as 0700; an existing directory keeps its mode.</summary>
        public static void CreateDirectory(string path) => Directory.CreateDirectory(path, (UnixFileMode)OwnerOnlyDirectoryMode);

        /// <summary>Creates a new file, failing if it exists, with mode 0600 from its first instant.</summary>
        public static FileStream CreateNew(string path) => Open(path, FileMode.CreateNew, FileAccess.Write);

        /// <summary>Opens or creates a file for reading and writing that no other handle may open meanwhile; created 0600.</summary>
        public static FileStream OpenOrCreateExclusive(string path) => Open(path, FileMode.OpenOrCreate, FileAccess.ReadWrite);

        private static FileStream Open(string path, FileMode mode, FileAccess access) => new FileStream(path, new FileStreamOptions
        {
            Mode = mode,
            Access = access,
            Share = FileShare.None,
            UnixCreateMode = (UnixFileMode)OwnerOnlyFileMode,
        });

        /// <summary>The permission bits of a file or directory.</summary>
        public static int GetMode(string path) => (int)File.GetUnixFileMode(path);
#pragma warning restore CA1416
#else
        private static readonly MethodInfo? GetUnixFileMode = typeof(File).GetMethod("GetUnixFileMode", new[] { typeof(string) });
        private static readonly Type? UnixFileMode = GetUnixFileMode?.ReturnType;
        private static readonly MethodInfo? CreateDirectoryWithMode =
            UnixFileMode is null ? null : typeof(Directory).GetMethod(nameof(Directory.CreateDirectory), new[] { typeof(string), UnixFileMode });
        private static readonly ConstructorInfo? FileStreamWithOptions = typeof(FileStream).GetConstructors()
            .FirstOrDefault(c => c.GetParameters() is { Length: 2 } p && p[0].ParameterType == typeof(string) && p[1].ParameterType.Name == "FileStreamOptions");

        /// <summary>Creates the directory and any missing parents as 0700; an existing directory keeps its mode.</summary>
        public static void CreateDirectory(string path) =>
            Unwrapped(() => Required(CreateDirectoryWithMode).Invoke(null, new[] { path, ModeValue(OwnerOnlyDirectoryMode) }));

        /// <summary>Creates a new file, failing if it exists, with mode 0600 from its first instant.</summary>
        public static FileStream CreateNew(string path) => Open(path, FileMode.CreateNew, FileAccess.Write);

        private static FileStream Open(string path, FileMode mode, FileAccess access)
        {
            ConstructorInfo constructor = Required(FileStreamWithOptions);
            Type optionsType = constructor.GetParameters()[1].ParameterType;
            object options = Activator.CreateInstance(optionsType);
            optionsType.GetProperty("Mode")!.SetValue(options, mode);
            optionsType.GetProperty("Access")!.SetValue(options, access);
            optionsType.GetProperty("Share")!.SetValue(options, FileShare.None);
            optionsType.GetProperty("UnixCreateMode")!.SetValue(options, ModeValue(OwnerOnlyFileMode));
            return (FileStream)Unwrapped(() => constructor.Invoke(new[] { path, options }));
        }

        /// <summary>Opens or creates a file for reading and writing that no other handle may open meanwhile; created 0600.</summary>
        public static FileStream OpenOrCreateExclusive(string path) =>
            Open(path, FileMode.OpenOrCreate, FileAccess.ReadWrite);

        /// <summary>The permission bits of a file or directory.</summary>
        public static int GetMode(string path) =>
            Convert.ToInt32(Unwrapped(() => Required(GetUnixFileMode).Invoke(null, new object[] { path })));

        private static object ModeValue(int mode) => Enum.ToObject(Required(UnixFileMode), mode);

        private static T Required<T>(T? member) where T : class => member ?? throw ProfileErrors.UnsupportedRuntime();

        /// <summary>Rethrows what the called API threw (FileNotFoundException, IOException), not reflection's wrapper.</summary>
        private static object Unwrapped(Func<object> call)
        {
            try
            {
                return call();
            }
            catch (TargetInvocationException ex) when (ex.InnerException != null)
            {
                ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
                throw;
            }
        }
#endif
    }
}
