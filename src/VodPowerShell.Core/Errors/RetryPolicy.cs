namespace VodPowerShell.Core.Errors
{
    /// <summary>What a caller may do after a failure (docs/protocol.md §7).</summary>
    public enum RetryPolicy
    {
        /// <summary>Retrying cannot help: the input, the key or the account must change first.</summary>
        Never,

        /// <summary>Transient: retry a bounded number of times with exponential back-off.</summary>
        Bounded,

        /// <summary>Throttled: slow down, then retry.</summary>
        Backoff,

        /// <summary>Timestamp or nonce rejected: re-sign once with a fresh timestamp and nonce.</summary>
        ResignOnce,
    }
}
