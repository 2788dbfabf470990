using System;
using System.Collections.Generic;
using System.IO;

namespace VodPowerShell.Core.Downloads
{
    /// <summary>
    /// The local name of each URL of a set: the last segment of its path, made safe for every file system, and
    /// kept apart from the manifest and from temporary files; a name already taken gets a numbered prefix.
    /// </summary>
    internal static class DownloadFileNames
    {
        public const string PartialSuffix = ".part";

        private const int MaximumLength = 120;

        private static readonly HashSet<char> Invalid = new HashSet<char>(Path.GetInvalidFileNameChars()) { '/', '\\', ':', '*', '?', '"', '<', '>', '|' };

        /// <summary>One name per distinct URL, in first-seen order.</summary>
        public static Dictionary<string, string> Assign(IEnumerable<Uri> urls)
        {
            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { DownloadManifest.FileName };
            foreach (Uri url in urls)
            {
                if (names.ContainsKey(url.AbsoluteUri)) continue;
                string name = Sanitize(url);
                for (int n = 1; !taken.Add(name); n++) name = $"{n}-{Sanitize(url)}";
                names[url.AbsoluteUri] = name;
            }

            return names;
        }

        private static string Sanitize(Uri url)
        {
            string path = url.AbsolutePath;
            string segment = Uri.UnescapeDataString(path.Substring(path.LastIndexOf('/') + 1));
            var chars = segment.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                if (Invalid.Contains(chars[i]) || char.IsControl(chars[i])) chars[i] = '_';
            }

            string name = new string(chars).Trim().TrimEnd('.');
            if (name.Length > MaximumLength) name = name.Substring(name.Length - MaximumLength);
            if (name.Length == 0) return "file";
            bool looksTemporary = name.EndsWith(PartialSuffix, StringComparison.OrdinalIgnoreCase) || name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase);
            return looksTemporary ? name + "_" : name;
        }
    }
}
