namespace VodPowerShell.Core.Client
{
    /// <summary>What looking up a lost submission found: a task id, proof that there is none, or no answer.</summary>
    public readonly struct ReconcileResult
    {
        private ReconcileResult(string? taskId, bool decided, string reason)
        {
            TaskId = taskId;
            Decided = decided;
            Reason = reason;
        }

        /// <summary>The task the lost request created; null when none was found.</summary>
        public string? TaskId { get; }

        /// <summary>False when the lookup itself failed, so nothing is known.</summary>
        public bool Decided { get; }

        public string Reason { get; }

        public static ReconcileResult Found(string taskId) => new ReconcileResult(taskId, true, "found");

        public static ReconcileResult NotFound() => new ReconcileResult(null, true, "no task was found");

        public static ReconcileResult Undecided(string reason) => new ReconcileResult(null, false, reason);
    }
}
