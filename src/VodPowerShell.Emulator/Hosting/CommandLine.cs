using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using VodPowerShell.Emulator.Domain;

namespace VodPowerShell.Emulator.Hosting
{
    /// <summary>
    /// The command-line options, each with its parser and its default read from <see cref="EmulatorOptions"/>,
    /// so <c>--help</c> and the README table cannot disagree with the code.
    /// </summary>
    public static class CommandLine
    {
        private sealed record Option(string Name, string? Value, string Description, Func<EmulatorOptions, string> Default, Action<EmulatorOptions, string> Apply);

        private static readonly Option[] Options =
        [
            new("--port", "N", "TCP port on 127.0.0.1; 0 picks a free one.", o => Text(o.Port), (o, v) => o.Port = Int(v)),
            new("--secret-id", "ID", "The SecretId the emulator accepts.", o => o.SecretId, (o, v) => o.SecretId = v),
            new("--secret-key", "KEY", "The SecretKey that signs requests.", o => o.SecretKey, (o, v) => o.SecretKey = v),
            new("--token", "T", "Require this session token on every request (4105 / AuthFailure.TokenFailure otherwise).", o => o.Token ?? "(none)", (o, v) => o.Token = v),
            new("--timestamp-window-s", "S", "Allowed clock skew of Timestamp or X-TC-Timestamp, either way (4500 / AuthFailure.SignatureExpire outside).", o => Text(o.TimestampWindow.TotalSeconds), (o, v) => o.TimestampWindow = TimeSpan.FromSeconds(Int(v))),
            new("--quota-rate", "N", "Requests per window per SecretId, v2 and API 3.0 together (4400 / RequestLimitExceeded above); 0 turns it off.", o => Text(o.QuotaRate), (o, v) => o.QuotaRate = Int(v)),
            new("--quota-window-ms", "MS", "Length of a quota window.", o => Text(o.QuotaWindow.TotalMilliseconds), (o, v) => o.QuotaWindow = Ms(v)),
            new("--quota-sliding", null, "Count the quota over a sliding window (any interval of the window's length) instead of fixed windows from a SecretId's first request.", o => "off", (o, _) => o.QuotaSliding = true),
            new("--media", "FILE", "JSON media library {\"files\":[{\"fileId\",\"durationSeconds\",\"state\":\"normal|unready\"}]}; without it every fileId exists.", o => o.MediaFile ?? "(open library)", (o, v) => o.MediaFile = v),
            new("--library-size", "N", "Listed files of the generated catalogue that SearchMedia pages through, created over the 90 days before start.", o => Text(o.LibrarySize), (o, v) => o.LibrarySize = Int(v)),
            new("--library-seed", "N", "Seed of the generated catalogue; the same seed, size and start second give the same files.", o => Text(o.LibrarySeed), (o, v) => o.LibrarySeed = Int(v)),
            new("--task-waiting-ms", "MS", "Time a task stays WAITING.", o => Text(o.TaskWaiting.TotalMilliseconds), (o, v) => o.TaskWaiting = Ms(v)),
            new("--task-processing-ms", "MS", "Time a task stays PROCESSING.", o => Text(o.TaskProcessing.TotalMilliseconds), (o, v) => o.TaskProcessing = Ms(v)),
            new("--task-failure-rate", "0..1", "Share of tasks that finish with data.status -43001.", o => Text(o.TaskFailureRate), (o, v) => o.TaskFailureRate = Double(v)),
            new("--task-seed", "N", "Seed for which tasks fail.", o => Text(o.TaskSeed), (o, v) => o.TaskSeed = Int(v)),
            new("--long-poll-ms", "MS", "How long PullEvent and PullEvents wait when no event is ready.", o => Text(o.LongPoll.TotalMilliseconds), (o, v) => o.LongPoll = Ms(v)),
            new("--visibility-timeout-ms", "MS", "An unconfirmed event can be pulled again after this.", o => Text(o.VisibilityTimeout.TotalMilliseconds), (o, v) => o.VisibilityTimeout = Ms(v)),
            new("--handle-lifetime-ms", "MS", "ConfirmEvent(s) answers 4000 / InvalidParameterValue for an older handle.", o => Text(o.HandleLifetime.TotalMilliseconds), (o, v) => o.HandleLifetime = Ms(v)),
            new("--max-events-per-pull", "N", "Events in one PullEvent(s) answer.", o => Text(o.MaxEventsPerPull), (o, v) => o.MaxEventsPerPull = Int(v)),
            new("--callback-url", "URL", "Push mode: POST each event to this loopback URL instead of queueing it for PullEvent.", o => o.CallbackUrl?.ToString() ?? "(pull mode)", (o, v) => o.CallbackUrl = new Uri(v, UriKind.Absolute)),
            new("--callback-format", "FORMAT", "Push body format: v2 (the \"4.0\" envelope) or v3 (the 3.0 CreateImageSpriteCompleteEvent).", o => o.CallbackFormat.ToString().ToLowerInvariant(), (o, v) => o.CallbackFormat = Enum.Parse<CallbackFormat>(v, ignoreCase: true)),
            new("--callback-attempts", "N", "Push attempts per event until a 2xx answer.", o => Text(o.CallbackAttempts), (o, v) => o.CallbackAttempts = Int(v)),
            new("--callback-backoff-ms", "MS", "Delay before the second push attempt; doubles after each.", o => Text(o.CallbackBackoff.TotalMilliseconds), (o, v) => o.CallbackBackoff = Ms(v)),
            new("--fault-rate", "0..1", "Share of API requests that get a fault.", o => Text(o.FaultRate), (o, v) => o.FaultRate = Double(v)),
            new("--fault-kinds", "LIST", "Comma-separated faults to draw from: " + string.Join(", ", FaultInjector.KindNames.Keys) + ".", o => "all", (o, v) => o.FaultKinds = Kinds(v, FaultInjector.KindNames)),
            new("--fault-seed", "N", "Seed of the fault sequence; the same seed and requests give the same faults.", o => Text(o.FaultSeed), (o, v) => o.FaultSeed = Int(v)),
            new("--slow-ms", "MS", "Delay added by the slow fault.", o => Text(o.SlowDelay.TotalMilliseconds), (o, v) => o.SlowDelay = Ms(v)),
            new("--download-fault-rate", "0..1", "Share of sprite downloads (GET /_media/...) that get a fault; never the admin endpoints.", o => Text(o.DownloadFaultRate), (o, v) => o.DownloadFaultRate = Double(v)),
            new("--download-fault-kinds", "LIST", "Comma-separated download faults: reset (half the body, then the connection drops), http500, slow (half the body, a pause of --slow-ms, the rest).", o => "all", (o, v) => o.DownloadFaultKinds = Kinds(v, EmulatorOptions.DownloadFaultNames)),
            new("--download-fault-seed", "N", "Seed of the download fault sequence, apart from the API one.", o => Text(o.DownloadFaultSeed), (o, v) => o.DownloadFaultSeed = Int(v)),
            new("--sheet-padding-kb", "KB", "Make every JPEG and PNG sheet this much heavier (comment segments, a private PNG chunk; still valid images), to measure downloads by the gigabyte.", o => Text(o.SheetPaddingBytes / 1024), (o, v) => o.SheetPaddingBytes = checked(Int(v) * 1024)),
            new("--ledger-capacity", "N", "Requests kept in the ledger; the oldest go first.", o => Text(o.LedgerCapacity), (o, v) => o.LedgerCapacity = Int(v)),
            new("--exit-on-stdin-close", null, "Exit when standard input reaches end of file, so a child never outlives its parent.", o => "off", (o, _) => o.ExitOnStdinClose = true),
            new("--help", null, "Show this help.", o => string.Empty, (_, _) => { }),
        ];

        /// <summary>Parses <paramref name="args"/>; false with <paramref name="error"/> set on a bad argument, true with help=true for --help.</summary>
        public static bool TryParse(string[] args, out EmulatorOptions options, out bool help, out string? error)
        {
            options = new EmulatorOptions();
            help = false;
            error = null;
            for (int i = 0; i < args.Length; i++)
            {
                string arg = args[i];
                if (arg is "--help" or "-h" or "-?")
                {
                    help = true;
                    continue;
                }

                var option = Options.FirstOrDefault(o => string.Equals(o.Name, arg, StringComparison.OrdinalIgnoreCase));
                if (option is null)
                {
                    error = $"Unknown option '{arg}'. Try --help.";
                    return false;
                }

                string value = string.Empty;
                if (option.Value != null)
                {
                    if (++i >= args.Length)
                    {
                        error = $"Option {option.Name} needs a value ({option.Value}).";
                        return false;
                    }

                    value = args[i];
                }

                try
                {
                    option.Apply(options, value);
                }
                catch (Exception ex) when (ex is FormatException || ex is OverflowException || ex is ArgumentException)
                {
                    error = $"Option {option.Name}: '{value}' is not valid ({ex.Message}).";
                    return false;
                }
            }

            return true;
        }

        public static string HelpText()
        {
            var defaults = new EmulatorOptions();
            var text = new StringBuilder("Usage: vod-emulator [options]   (from a build: dotnet VodPowerShell.Emulator.dll [options])\n\nOptions:\n");
            foreach (var option in Options)
            {
                string left = option.Value is null ? option.Name : $"{option.Name} {option.Value}";
                string fallback = option.Default(defaults);
                text.Append("  ").Append(left.PadRight(28)).Append(option.Description);
                if (fallback.Length > 0) text.Append(" Default: ").Append(fallback).Append('.');
                text.Append('\n');
            }

            return text.ToString();
        }

        /// <summary>The README table, generated so it always matches <see cref="HelpText"/>.</summary>
        public static string MarkdownTable()
        {
            var defaults = new EmulatorOptions();
            var text = new StringBuilder("| Option | Default | Meaning |\n|---|---|---|\n");
            foreach (var option in Options)
            {
                string left = option.Value is null ? option.Name : $"{option.Name} {option.Value}";
                text.Append("| `").Append(left).Append("` | ").Append(option.Default(defaults).Replace("|", "\\|"))
                    .Append(" | ").Append(option.Description.Replace("|", "\\|")).Append(" |\n");
            }

            return text.ToString();
        }

        private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);

        private static int Int(string value) => int.Parse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

        private static double Double(string value) => double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);

        private static TimeSpan Ms(string value) => TimeSpan.FromMilliseconds(Int(value));

        private static IReadOnlyList<FaultKind> Kinds(string value, IReadOnlyDictionary<string, FaultKind> names)
        {
            var kinds = new List<FaultKind>();
            foreach (string name in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!names.TryGetValue(name, out var kind)) throw new ArgumentException($"unknown fault kind '{name}'");
                kinds.Add(kind);
            }

            return kinds;
        }
    }
}
