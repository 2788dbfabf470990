using System;
using System.IO;

namespace VodPowerShell.Core.Tests.TestSupport
{
    /// <summary>A fresh directory under the system temp folder, deleted afterwards; tests never touch the real home.</summary>
    internal sealed class TempDirectory : IDisposable
    {
        public TempDirectory() => Directory.CreateDirectory(Path);

        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "vodps-" + Guid.NewGuid().ToString("N"));

        public string Combine(params string[] parts) => System.IO.Path.Combine(Path, System.IO.Path.Combine(parts));

        /// <summary>Writes the text, creating parent directories, and returns the full path.</summary>
        public string WriteFile(string relativePath, string text)
        {
            string path = Combine(relativePath);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
            return path;
        }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
