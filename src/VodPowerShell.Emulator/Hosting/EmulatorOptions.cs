using System;
using System.Collections.Generic;
using System.Linq;
using VodPowerShell.Emulator.Domain;

namespace VodPowerShell.Emulator.Hosting
{
    /// <summary>Everything configurable, with the defaults in one place (the CLI help and the README table read them from here).</summary>
    public sealed class EmulatorOptions
    {
        /// <summary>0 picks a free port.</summary>
        public int Port { get; set; }

        public string SecretId { get; set; } = DefaultCredential.SecretId;

        public string SecretKey { get; set; } = DefaultCredential.SecretKey;

        /// <summary>When set, every request must carry this session token (v2 error 4105, API 3.0 AuthFailure.TokenFailure otherwise).</summary>
        public string? Token { get; set; }

        /// <summary>Allowed |Timestamp - now|; Tencent's pages disagree (5 min vs 2 h, docs/protocol.md §11), 5 min is the strict reading.</summary>
        public TimeSpan TimestampWindow { get; set; } = TimeSpan.FromSeconds(300);

        /// <summary>Requests per <see cref="QuotaWindow"/> per SecretId; 0 turns the quota off.</summary>
        public int QuotaRate { get; set; } = 100;

        public TimeSpan QuotaWindow { get; set; } = TimeSpan.FromSeconds(60);

        /// <summary>Sliding: no interval of QuotaWindow holds more than QuotaRate accepted requests (stricter than fixed windows).</summary>
        public bool QuotaSliding { get; set; }

        /// <summary>A JSON media library; null means the open library in which every fileId exists.</summary>
        public string? MediaFile { get; set; }

        /// <summary>Listed files of the generated catalogue (SearchMedia pages through them); 0 for none.</summary>
        public int LibrarySize { get; set; } = 300;

        public int LibrarySeed { get; set; } = 1;

        public const int MaxLibrarySize = 1_000_000;

        public TimeSpan TaskWaiting { get; set; } = TimeSpan.FromMilliseconds(200);

        public TimeSpan TaskProcessing { get; set; } = TimeSpan.FromMilliseconds(500);

        /// <summary>Share of tasks that finish with a media-processing error (data.status -43001).</summary>
        public double TaskFailureRate { get; set; }

        public int TaskSeed { get; set; } = 1;

        /// <summary>How long PullEvent waits for an event when none is ready (docs/protocol.md §5.4: 5 s).</summary>
        public TimeSpan LongPoll { get; set; } = TimeSpan.FromSeconds(5);

        /// <summary>How long a pulled, unconfirmed event stays hidden before it can be pulled again.</summary>
        public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>How long a msgHandle can be confirmed (docs/protocol.md §5.5: 30 s, then error 4000).</summary>
        public TimeSpan HandleLifetime { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>Events per PullEvent answer; Tencent is silent (docs/protocol.md §8), 16 matches API 3.0's ConfirmEvents limit.</summary>
        public int MaxEventsPerPull { get; set; } = 16;

        /// <summary>Push mode: POST every event to this loopback URL instead of queueing it for PullEvent.</summary>
        public Uri? CallbackUrl { get; set; }

        /// <summary>Push attempts per event before it is dropped.</summary>
        public int CallbackAttempts { get; set; } = 5;

        /// <summary>The body pushed to the callback URL: the v2 "4.0" format or the 3.0 one (docs/protocol.md §9.4).</summary>
        public CallbackFormat CallbackFormat { get; set; } = CallbackFormat.V2;

        /// <summary>Delay before the second push attempt; doubles each time.</summary>
        public TimeSpan CallbackBackoff { get; set; } = TimeSpan.FromMilliseconds(100);

        public double FaultRate { get; set; }

        public IReadOnlyList<FaultKind> FaultKinds { get; set; } = FaultInjector.KindNames.Values.ToArray();

        public int FaultSeed { get; set; } = 1;

        /// <summary>Delay of the <c>slow</c> fault.</summary>
        public TimeSpan SlowDelay { get; set; } = TimeSpan.FromSeconds(2);

        /// <summary>Share of sprite downloads (<c>GET /_media/…</c>) that get a fault, drawn from their own seeded sequence.</summary>
        public double DownloadFaultRate { get; set; }

        public IReadOnlyList<FaultKind> DownloadFaultKinds { get; set; } = DownloadFaultNames.Values.ToArray();

        public int DownloadFaultSeed { get; set; } = 1;

        /// <summary>Bytes added to every JPEG and PNG sheet where decoders skip them, so downloads weigh what real sheets do.</summary>
        public int SheetPaddingBytes { get; set; }

        /// <summary>The names accepted by <c>--download-fault-kinds</c>: the faults a CDN download can meet.</summary>
        public static readonly IReadOnlyDictionary<string, FaultKind> DownloadFaultNames = new Dictionary<string, FaultKind>(StringComparer.OrdinalIgnoreCase)
        {
            ["reset"] = FaultKind.Reset,
            ["http500"] = FaultKind.Http500,
            ["slow"] = FaultKind.Slow,
        };

        /// <summary>Ledger entries kept; the oldest go first.</summary>
        public int LedgerCapacity { get; set; } = 100_000;

        public bool ExitOnStdinClose { get; set; }

        /// <summary>The clock behind timestamps, task timelines, quota windows and event timeouts; tests pass a <see cref="ManualTimeProvider"/>.</summary>
        public TimeProvider Clock { get; set; } = TimeProvider.System;

        /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
        public void Validate()
        {
            Require(Port is >= 0 and <= 65535, "--port must be between 0 and 65535.");
            Require(!string.IsNullOrEmpty(SecretId) && !string.IsNullOrEmpty(SecretKey), "--secret-id and --secret-key must not be empty.");
            Require(TimestampWindow > TimeSpan.Zero, "--timestamp-window-s must be positive.");
            Require(QuotaRate >= 0 && QuotaWindow > TimeSpan.Zero, "--quota-rate must be >= 0 and --quota-window-ms positive.");
            Require(TaskWaiting >= TimeSpan.Zero && TaskProcessing >= TimeSpan.Zero, "Task durations must not be negative.");
            Require(TaskFailureRate is >= 0 and <= 1 && FaultRate is >= 0 and <= 1 && DownloadFaultRate is >= 0 and <= 1, "Rates must be between 0 and 1.");
            Require(LibrarySize is >= 0 and <= MaxLibrarySize, $"--library-size must be between 0 and {MaxLibrarySize}.");
            Require(LongPoll >= TimeSpan.Zero && VisibilityTimeout > TimeSpan.Zero && HandleLifetime > TimeSpan.Zero, "Event timeouts must be positive.");
            Require(MaxEventsPerPull > 0 && CallbackAttempts > 0 && LedgerCapacity > 0, "Counts must be positive.");
            Require(CallbackUrl is null || (CallbackUrl.IsAbsoluteUri && CallbackUrl.IsLoopback && (CallbackUrl.Scheme == Uri.UriSchemeHttp || CallbackUrl.Scheme == Uri.UriSchemeHttps)),
                "--callback-url must be an http(s) URL on a loopback address: the emulator never calls out of the machine.");
        }

        private static void Require(bool condition, string message)
        {
            if (!condition) throw new ArgumentException(message);
        }
    }
}
