using System;

namespace VodPowerShell.Core.Downloads
{
    /// <summary>How <see cref="FileDownloader"/> fetches: limits, retries and progress.</summary>
    public sealed class DownloadOptions
    {
        public const int DefaultMaximumFileSizeMB = 256;

        /// <summary>Transfers at once, across every set the downloader is given.</summary>
        public int ThrottleLimit { get; set; } = 4;

        /// <summary>A larger file is refused (from Content-Length when sent, else once that many bytes have come).</summary>
        public long MaximumFileBytes { get; set; } = DefaultMaximumFileSizeMB * 1024L * 1024L;

        /// <summary>Retries of a transfer that failed in a way that may pass (5xx, a broken connection, a timeout).</summary>
        public int MaximumRetryCount { get; set; } = 3;

        /// <summary>The first wait before a retry; it doubles with every further one, up to 30 s.</summary>
        public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(1);

        /// <summary>
        /// How long the server may stay silent (before its headers, or between two chunks of the body). Not a limit
        /// on the whole transfer, so a large sheet on a slow link is not cut off while bytes keep coming.
        /// </summary>
        public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(30);

        public int MaximumRedirects { get; set; } = 5;

        /// <summary>Download again even what the manifest shows complete.</summary>
        public bool Force { get; set; }

        /// <summary>Bytes as they arrive, for progress. Called on pool threads.</summary>
        public Action<long>? BytesReceived { get; set; }

        /// <summary>Each file once it is downloaded, skipped or has failed. Called on pool threads.</summary>
        public Action<FileDownloadResult>? FileCompleted { get; set; }
    }
}
