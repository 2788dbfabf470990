using System.IO;

namespace VodPowerShell.Core.IO
{
    /// <summary>Renames a finished temporary file over its target, so a reader never sees a half-written one.</summary>
    public static class AtomicFile
    {
        /// <summary>File.Replace is the atomic rename, but it needs the target to exist; the first save moves instead.</summary>
        public static void Replace(string source, string target)
        {
            try
            {
                File.Replace(source, target, destinationBackupFileName: null);
            }
            catch (FileNotFoundException) when (File.Exists(source))
            {
                File.Move(source, target);
            }
        }
    }
}
