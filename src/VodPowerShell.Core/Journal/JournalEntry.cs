using System;

namespace VodPowerShell.Core.Journal
{
    /// <summary>One line of the journal: an intent (written before the request) or an outcome (after it).</summary>
    public sealed class JournalEntry
    {
        public const string IntentKind = "intent";
        public const string OutcomeKind = "outcome";

        public string Kind { get; set; } = string.Empty;

        public string FileId { get; set; } = string.Empty;

        public int Definition { get; set; }

        public DateTimeOffset At { get; set; }

        /// <summary>Outcomes only: Submitted, Failed, Skipped or Unknown.</summary>
        public string? Status { get; set; }

        public string? VodTaskId { get; set; }

        public int? Code { get; set; }

        public string? ErrorId { get; set; }

        /// <summary>The idempotency key the request carried (API 3.0), reused when a later run resumes an unfinished one.</summary>
        public string? SessionId { get; set; }

        public bool IsIntent => Kind == IntentKind;

        /// <summary>True when this file already has a task: a rerun must not submit it again.</summary>
        public bool HasTask => !IsIntent && !string.IsNullOrEmpty(VodTaskId);
    }
}
