using System;
using VodPowerShell.Core.Errors;

namespace VodPowerShell.Core.Downloads
{
    public enum DownloadOutcome
    {
        Downloaded,

        /// <summary>Already complete on disk, as the manifest recorded it: no request was sent.</summary>
        Skipped,

        Failed,
    }

    /// <summary>One file of a download set: where it went, and how it ended.</summary>
    public sealed class FileDownloadResult
    {
        internal FileDownloadResult(string url, string path, DownloadOutcome outcome, long bytes, int attempts, VodError? error)
        {
            Url = url;
            Path = path;
            Outcome = outcome;
            Bytes = bytes;
            Attempts = attempts;
            Error = error;
        }

        public string Url { get; }

        /// <summary>The final local path (present only when the outcome is not Failed).</summary>
        public string Path { get; }

        public DownloadOutcome Outcome { get; }

        /// <summary>The file's size on disk.</summary>
        public long Bytes { get; }

        /// <summary>Requests made for it (redirects not counted); 0 when skipped.</summary>
        public int Attempts { get; }

        public VodError? Error { get; }

        public override string ToString() => $"{Outcome} {Url}";
    }
}
