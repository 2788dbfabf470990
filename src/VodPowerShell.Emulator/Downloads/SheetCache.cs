using System;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Threading;

namespace VodPowerShell.Emulator.Downloads
{
    /// <summary>A rendered file and its strong ETag (a hash of the bytes, so equal bytes always share a tag).</summary>
    public sealed record RenderedFile(byte[] Bytes, string ContentType, string ETag)
    {
        public static RenderedFile Of(byte[] bytes, string contentType) =>
            new(bytes, contentType, "\"" + Convert.ToHexString(SHA256.HashData(bytes), 0, 16).ToLowerInvariant() + "\"");
    }

    /// <summary>
    /// Rendered files by key, so a rerun or a parallel download does not encode the same sheet twice. Bounded by
    /// bytes: when full it starts over, which only costs rendering again.
    /// </summary>
    public sealed class SheetCache
    {
        private readonly ConcurrentDictionary<string, Lazy<RenderedFile>> files = new(StringComparer.Ordinal);
        private readonly long capacityBytes;
        private long bytes;

        public SheetCache(long capacityBytes) => this.capacityBytes = capacityBytes;

        public RenderedFile GetOrRender(string key, Func<RenderedFile> render)
        {
            var lazy = files.GetOrAdd(key, _ => new Lazy<RenderedFile>(render, LazyThreadSafetyMode.ExecutionAndPublication));
            bool created = !lazy.IsValueCreated;
            var file = lazy.Value;
            if (created && Interlocked.Add(ref bytes, file.Bytes.Length) > capacityBytes)
            {
                files.Clear();
                Interlocked.Exchange(ref bytes, 0);
            }

            return file;
        }
    }
}
