namespace VodPowerShell.Core.Models
{
    /// <summary>
    /// One event notification, pulled from the queue or received by an HTTP callback, in either the v2 ("4.0")
    /// or the API 3.0 format. Sprite events fill the <see cref="SpriteOutput"/> fields; other types keep
    /// only the envelope and the raw JSON.
    /// </summary>
    public sealed class VodEvent : SpriteOutput
    {
        /// <summary>The handle to confirm it with (msgHandle / EventHandle); null for a pushed event.</summary>
        public string? EventHandle { get; internal set; }

        public string EventType { get; internal set; } = string.Empty;

        /// <summary>"4.0" for the v2 format, "3.0" for API 3.0.</summary>
        public string FormatVersion { get; internal set; } = string.Empty;

        public bool? Succeeded => ErrorCode is int code ? code == 0 : (bool?)null;

        /// <summary>The event exactly as received, for types this module does not model.</summary>
        public string RawContent { get; internal set; } = string.Empty;

        public override string ToString() => $"{EventType} {TaskId}";
    }
}
