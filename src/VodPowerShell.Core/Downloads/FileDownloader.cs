using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using VodPowerShell.Core.Errors;
using VodPowerShell.Core.Http;
using VodPowerShell.Core.IO;

namespace VodPowerShell.Core.Downloads
{
    /// <summary>
    /// Unsigned downloads (CDN files, not API calls): streamed to disk through a fixed buffer, at most
    /// <see cref="DownloadOptions.ThrottleLimit"/> at once, written to <c>name.part</c> and renamed when whole,
    /// recorded in the folder's <see cref="DownloadManifest"/> so a rerun skips them. HTTPS only except to
    /// loopback, redirects only to HTTPS, a size cap, no credentials, cookies or Authorization ever sent.
    /// Every failure is returned per file; only a user's cancel is thrown.
    /// </summary>
    public sealed class FileDownloader : IDisposable
    {
        private const int BufferSize = 64 * 1024;

        private readonly HttpClient client;
        private readonly SemaphoreSlim throttle;
        private readonly DownloadOptions options;

        public FileDownloader(DownloadOptions options)
            : this(options, CreateHandler())
        {
        }

        internal FileDownloader(DownloadOptions options, HttpMessageHandler handler)
        {
            if (options.ThrottleLimit < 1) throw new ArgumentOutOfRangeException(nameof(options), "ThrottleLimit must be at least 1.");
            this.options = options;
            throttle = new SemaphoreSlim(options.ThrottleLimit);

            // Timeouts are per read (IdleTimeout), not per transfer: see DownloadOptions.
            client = new HttpClient(handler, disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        }

        /// <summary>
        /// Its own handler rather than VodHttp's: this one streams large bodies, follows redirects (by hand, to
        /// check each hop) and never carries credentials.
        /// </summary>
        public static HttpMessageHandler CreateHandler() => new HttpClientHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseDefaultCredentials = false,
            Credentials = null,
            PreAuthenticate = false,

            // The bytes on disk are the bytes sent, so Content-Length and Content-MD5 can be checked.
            AutomaticDecompression = DecompressionMethods.None,
            MaxConnectionsPerServer = VodHttp.MaxConnectionsPerServer,
        };

        /// <summary>
        /// Downloads every URL into <paramref name="directory"/> (created when missing) and returns one result per
        /// URL in input order; a URL given twice is fetched once.
        /// </summary>
        public async Task<IReadOnlyList<FileDownloadResult>> DownloadAsync(string directory, IEnumerable<string> urls, CancellationToken cancellationToken)
        {
            var list = urls.ToList();
            try
            {
                Directory.CreateDirectory(directory);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                VodError error = DownloadErrors.WriteFailed(directory, ex).Error;
                return list.Select(url => new FileDownloadResult(url, string.Empty, DownloadOutcome.Failed, 0, 0, error)).ToList();
            }

            var manifest = DownloadManifest.Load(directory);
            var parsed = list.Select(url => (Text: url, Uri: TryParse(url))).ToList();
            var names = DownloadFileNames.Assign(parsed.Where(p => p.Uri != null).Select(p => p.Uri!));
            var running = new Dictionary<string, Task<FileDownloadResult>>(StringComparer.Ordinal);
            var results = new List<Task<FileDownloadResult>>(list.Count);
            foreach (var (text, uri) in parsed)
            {
                if (!running.TryGetValue(text, out var transfer))
                {
                    transfer = uri is null
                        ? Task.FromResult(Completed(new FileDownloadResult(text, string.Empty, DownloadOutcome.Failed, 0, 0, DownloadErrors.InvalidUrl(text).Error)))
                        : DownloadOneAsync(manifest, uri, text, Path.Combine(directory, names[uri.AbsoluteUri]), cancellationToken);
                    running[text] = transfer;
                }

                results.Add(transfer);
            }

            return await Task.WhenAll(results).ConfigureAwait(false);
        }

        /// <summary>
        /// Reads a small text file (a WebVTT) into memory under the same rules as <see cref="DownloadAsync"/>,
        /// capped at <paramref name="maximumBytes"/>. Failures are thrown as <see cref="VodException"/>.
        /// </summary>
        public async Task<string> ReadTextAsync(string url, long maximumBytes, CancellationToken cancellationToken)
        {
            Uri uri = TryParse(url) ?? throw DownloadErrors.InvalidUrl(url);
            if (!VodEndpoint.IsSecureOrLoopback(uri)) throw DownloadErrors.InsecureUrl(uri);
            byte[] body = await WithRetriesAsync(async token =>
            {
                using var buffer = new MemoryStream();
                await FetchAsync(uri, buffer, maximumBytes, token).ConfigureAwait(false);
                return buffer.ToArray();
            }, () => { }, cancellationToken).ConfigureAwait(false);

            // A BOM survives as U+FEFF, which the WebVTT reader skips.
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetString(body);
        }

        public void Dispose()
        {
            client.Dispose();
            throttle.Dispose();
        }

        private async Task<FileDownloadResult> DownloadOneAsync(DownloadManifest manifest, Uri url, string text, string target, CancellationToken cancellationToken)
        {
            int attempts = 0;
            FileDownloadResult result;
            if (!VodEndpoint.IsSecureOrLoopback(url))
            {
                result = new FileDownloadResult(text, string.Empty, DownloadOutcome.Failed, 0, 0, DownloadErrors.InsecureUrl(url).Error);
                return Completed(result);
            }

            await throttle.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (!options.Force && IsComplete(manifest, url, target))
                {
                    result = new FileDownloadResult(text, target, DownloadOutcome.Skipped, new FileInfo(target).Length, 0, null);
                }
                else
                {
                    ManifestEntry entry = await WithRetriesAsync(token => SaveAsync(url, target, token), () => attempts++, cancellationToken).ConfigureAwait(false);
                    Record(manifest, entry);
                    result = new FileDownloadResult(text, target, DownloadOutcome.Downloaded, entry.Size, attempts, null);
                }
            }
            catch (VodException ex)
            {
                result = new FileDownloadResult(text, string.Empty, DownloadOutcome.Failed, 0, attempts, ex.Error);
            }
            finally
            {
                throttle.Release();
            }

            return Completed(result);
        }

        private FileDownloadResult Completed(FileDownloadResult result)
        {
            options.FileCompleted?.Invoke(result);
            return result;
        }

        private static bool IsComplete(DownloadManifest manifest, Uri url, string target)
        {
            try
            {
                return manifest.IsComplete(url, target);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return false;
            }
        }

        private static void Record(DownloadManifest manifest, ManifestEntry entry)
        {
            try
            {
                manifest.Record(entry);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw DownloadErrors.WriteFailed(manifest.FilePath, ex);
            }
        }

        /// <summary>One attempt: the body goes to <c>target.part</c>, which is renamed over the target only once whole.</summary>
        private async Task<ManifestEntry> SaveAsync(Uri url, string target, CancellationToken cancellationToken)
        {
            string partial = target + DownloadFileNames.PartialSuffix;
            try
            {
                FetchedBody body;
                using (var file = OpenPartial(partial))
                {
                    body = await FetchAsync(url, file, options.MaximumFileBytes, cancellationToken).ConfigureAwait(false);
                    file.Flush(flushToDisk: true);
                }

                AtomicFile.Replace(partial, target);
                return new ManifestEntry
                {
                    Url = url.AbsoluteUri,
                    Name = Path.GetFileName(target),
                    Size = body.Size,
                    ETag = body.ETag,
                    ContentMd5 = body.ContentMd5,
                    Md5 = body.Md5,
                    SavedAt = DateTimeOffset.UtcNow,
                };
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                // Network failures arrive as VodException; what is left is the local disk.
                throw DownloadErrors.WriteFailed(partial, ex);
            }
            finally
            {
                DeleteQuietly(partial);
            }
        }

        /// <summary>
        /// Unbuffered and synchronous: every write is a block of up to 64 KB that lands in the OS page cache in
        /// microseconds, and a synchronous write allocates nothing, where an async one costs a task per block.
        /// </summary>
        private static FileStream OpenPartial(string partial) =>
            new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1, useAsync: false);

        private static void DeleteQuietly(string path)
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                // A leftover .part is overwritten by the next attempt and never mistaken for the file.
            }
        }

        /// <summary>GET, following redirects by hand so each hop is checked, then the body into <paramref name="sink"/>.</summary>
        private async Task<FetchedBody> FetchAsync(Uri url, Stream sink, long maximumBytes, CancellationToken cancellationToken)
        {
            Uri current = url;
            for (int hop = 0; ; hop++)
            {
                using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                idle.CancelAfter(options.IdleTimeout);
                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                HttpResponseMessage response;
                try
                {
                    response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, idle.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    throw DownloadErrors.Timeout(url, options.IdleTimeout, 0);
                }
                catch (Exception ex) when (ex is HttpRequestException || ex is IOException)
                {
                    throw DownloadErrors.ConnectionFailed(url, 0, ex);
                }

                using (response)
                {
                    int status = (int)response.StatusCode;
                    if (IsRedirect(status))
                    {
                        current = NextHop(url, current, response, hop);
                        continue;
                    }

                    if (status != 200) throw DownloadErrors.HttpStatus(url, status);
                    return await ReadBodyAsync(url, response, sink, maximumBytes, idle, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        private async Task<FetchedBody> ReadBodyAsync(Uri url, HttpResponseMessage response, Stream sink, long maximumBytes, CancellationTokenSource idle, CancellationToken cancellationToken)
        {
            long? declared = response.Content.Headers.ContentLength;
            if (declared > maximumBytes) throw DownloadErrors.TooLarge(url, maximumBytes);

            using var md5 = MD5.Create();
            byte[] buffer = new byte[BufferSize];
            long total = 0;
            try
            {
                using var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
                while (true)
                {
                    idle.CancelAfter(options.IdleTimeout);
#if NET8_0_OR_GREATER
                    int read = await body.ReadAsync(buffer.AsMemory(), idle.Token).ConfigureAwait(false);
#else
                    int read = await body.ReadAsync(buffer, 0, buffer.Length, idle.Token).ConfigureAwait(false);
#endif
                    if (read == 0) break;
                    total += read;
                    if (total > maximumBytes) throw DownloadErrors.TooLarge(url, maximumBytes);
                    md5.TransformBlock(buffer, 0, read, null, 0);
                    Write(sink, buffer, read);
                    options.BytesReceived?.Invoke(read);
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw DownloadErrors.Timeout(url, options.IdleTimeout, total);
            }
            catch (Exception ex) when (ex is HttpRequestException || ex is IOException)
            {
                throw DownloadErrors.ConnectionFailed(url, total, ex);
            }

            if (declared is long length && total != length) throw DownloadErrors.Incomplete(url, total, length);
            md5.TransformFinalBlock(buffer, 0, 0);
            byte[] digest = md5.Hash!;
            byte[]? contentMd5 = response.Content.Headers.ContentMD5;
            if (contentMd5 != null && !contentMd5.SequenceEqual(digest)) throw DownloadErrors.ContentMismatch(url);
            return new FetchedBody(total, response.Headers.ETag?.ToString(), contentMd5 is null ? null : Convert.ToBase64String(contentMd5), DownloadManifest.ToHex(digest));
        }

        /// <summary>A failing disk is not a failing network: its IOException must not be retried as one.</summary>
        private static void Write(Stream sink, byte[] buffer, int count)
        {
            try
            {
                sink.Write(buffer, 0, count);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw DownloadErrors.WriteFailed(sink is FileStream file ? file.Name : "memory", ex);
            }
        }

        private static bool IsRedirect(int status) => status == 301 || status == 302 || status == 303 || status == 307 || status == 308;

        /// <summary>
        /// The next address of a redirect, if it may be followed: HTTPS always; plain HTTP only from a loopback
        /// HTTP address to another (the emulator), never as a downgrade from HTTPS or to another host.
        /// </summary>
        private Uri NextHop(Uri original, Uri current, HttpResponseMessage response, int hop)
        {
            if (hop >= options.MaximumRedirects) throw DownloadErrors.TooManyRedirects(original, options.MaximumRedirects);
            Uri location = response.Headers.Location ?? throw DownloadErrors.RedirectWithoutLocation(current, (int)response.StatusCode);
            Uri next = location.IsAbsoluteUri ? location : new Uri(current, location);
            bool loopbackToLoopback = next.Scheme == Uri.UriSchemeHttp && next.IsLoopback && current.Scheme == Uri.UriSchemeHttp && current.IsLoopback;
            if (next.Scheme != Uri.UriSchemeHttps && !loopbackToLoopback) throw DownloadErrors.InsecureRedirect(current, next);
            return next;
        }

        private async Task<T> WithRetriesAsync<T>(Func<CancellationToken, Task<T>> attempt, Action counting, CancellationToken cancellationToken)
        {
            for (int retry = 0; ; retry++)
            {
                try
                {
                    counting();
                    return await attempt(cancellationToken).ConfigureAwait(false);
                }
                catch (VodException ex) when (ex.Error.IsRetryable && retry < options.MaximumRetryCount)
                {
                    await Task.Delay(Backoff(retry), cancellationToken).ConfigureAwait(false);
                }
            }
        }

        private TimeSpan Backoff(int retry) =>
            TimeSpan.FromTicks(Math.Min(options.RetryInterval.Ticks * (1L << Math.Min(retry, 20)), TimeSpan.FromSeconds(30).Ticks));

        /// <summary>An absolute http(s) URL without user information: credentials in a URL would be sent.</summary>
        private static Uri? TryParse(string text) =>
            Uri.TryCreate(text, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.UserInfo.Length == 0 ? uri : null;

        private sealed class FetchedBody
        {
            public FetchedBody(long size, string? etag, string? contentMd5, string md5)
            {
                Size = size;
                ETag = etag;
                ContentMd5 = contentMd5;
                Md5 = md5;
            }

            public long Size { get; }

            public string? ETag { get; }

            public string? ContentMd5 { get; }

            public string Md5 { get; }
        }
    }
}
