namespace VodPowerShell.Core.Errors
{
    /// <summary>
    /// How API 3.0 error codes are classified: one entry covers a code and, unless it is exact, every code
    /// under it (<c>AuthFailure</c> covers <c>AuthFailure.SignatureFailure</c>).
    /// </summary>
    public sealed class V3ErrorCodeInfo
    {
        public V3ErrorCodeInfo(string code, VodErrorCategory category, RetryPolicy retry, string description, bool exact = false)
        {
            Code = code;
            Category = category;
            Retry = retry;
            Description = description;
            Exact = exact;
        }

        /// <summary>The code, or the code class, this entry classifies.</summary>
        public string Code { get; }

        /// <summary>True when the entry matches only <see cref="Code"/> itself, not the codes under it.</summary>
        public bool Exact { get; }

        public VodErrorCategory Category { get; }

        public RetryPolicy Retry { get; }

        public string Description { get; }

        public bool IsRetryable => Retry != RetryPolicy.Never;

        public bool Matches(string code) =>
            code == Code || (!Exact && code.Length > Code.Length && code[Code.Length] == '.' && code.StartsWith(Code, System.StringComparison.Ordinal));
    }
}
