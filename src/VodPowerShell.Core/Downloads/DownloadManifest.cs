using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using VodPowerShell.Core.IO;

namespace VodPowerShell.Core.Downloads
{
    /// <summary>
    /// <c>manifest.json</c> in a download folder: for every file that was completely written, its URL, size,
    /// the server's ETag and Content-MD5 and the MD5 of what was written. Rewritten atomically after each file,
    /// so a killed run leaves a manifest that lists exactly the files that are whole.
    /// </summary>
    public sealed class DownloadManifest
    {
        public const string FileName = "manifest.json";

        private readonly object gate = new object();
        private readonly Dictionary<string, ManifestEntry> byUrl;

        private DownloadManifest(string directory, IEnumerable<ManifestEntry> entries)
        {
            Directory = directory;
            byUrl = new Dictionary<string, ManifestEntry>(StringComparer.Ordinal);
            foreach (var entry in entries) byUrl[entry.Url] = entry;
        }

        public string Directory { get; }

        public string FilePath => Path.Combine(Directory, FileName);

        public IReadOnlyList<ManifestEntry> Entries
        {
            get
            {
                lock (gate) return byUrl.Values.ToList();
            }
        }

        /// <summary>
        /// The folder's manifest, or an empty one when there is none. An unreadable manifest counts as empty:
        /// the files it described are then downloaded again, which is always safe.
        /// </summary>
        public static DownloadManifest Load(string directory)
        {
            string path = Path.Combine(directory, FileName);
            try
            {
                if (File.Exists(path))
                {
                    var document = JsonSerializer.Deserialize<Document>(File.ReadAllBytes(path));
                    if (document?.Files != null) return new DownloadManifest(directory, document.Files.Where(IsComplete));
                }
            }
            catch (Exception ex) when (ex is JsonException || ex is IOException || ex is UnauthorizedAccessException)
            {
                // Falls through to an empty manifest.
            }

            return new DownloadManifest(directory, Array.Empty<ManifestEntry>());
        }

        public ManifestEntry? Find(Uri url)
        {
            lock (gate) return byUrl.TryGetValue(url.AbsoluteUri, out var entry) ? entry : null;
        }

        public ManifestEntry? FindByName(string name)
        {
            lock (gate) return byUrl.Values.FirstOrDefault(entry => string.Equals(entry.Name, name, StringComparison.Ordinal));
        }

        /// <summary>True when <paramref name="path"/> is the file the manifest recorded for <paramref name="url"/>: same name, size and MD5.</summary>
        public bool IsComplete(Uri url, string path)
        {
            ManifestEntry? entry = Find(url);
            if (entry is null || !string.Equals(entry.Name, Path.GetFileName(path), StringComparison.Ordinal)) return false;
            var file = new FileInfo(path);
            return file.Exists && file.Length == entry.Size && string.Equals(Md5Of(path), entry.Md5, StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>Adds or replaces the entry, then rewrites the manifest (temporary file, flush, rename).</summary>
        public void Record(ManifestEntry entry)
        {
            lock (gate)
            {
                byUrl[entry.Url] = entry;
                var document = new Document { Files = byUrl.Values.OrderBy(e => e.Name, StringComparer.Ordinal).ToList() };
                byte[] json = JsonSerializer.SerializeToUtf8Bytes(document, new JsonSerializerOptions { WriteIndented = true });
                string temporary = FilePath + ".tmp";
                using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
                {
                    stream.Write(json, 0, json.Length);
                    stream.Flush(flushToDisk: true);
                }

                AtomicFile.Replace(temporary, FilePath);
            }
        }

        internal static string Md5Of(string path)
        {
            using var md5 = MD5.Create();
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
            return ToHex(md5.ComputeHash(stream));
        }

        internal static string ToHex(byte[] hash) => BitConverter.ToString(hash).Replace("-", string.Empty).ToLowerInvariant();

        private static bool IsComplete(ManifestEntry? entry) =>
            entry != null && entry.Url.Length > 0 && entry.Name.Length > 0 && entry.Md5.Length > 0;

        private sealed class Document
        {
            [JsonPropertyName("version")]
            public int Version { get; set; } = 1;

            [JsonPropertyName("files")]
            public List<ManifestEntry>? Files { get; set; }
        }
    }
}
