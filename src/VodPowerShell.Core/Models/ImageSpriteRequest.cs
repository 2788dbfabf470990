namespace VodPowerShell.Core.Models
{
    /// <summary>What a sprite create sends: the file, the template, and API 3.0's idempotency key (v2 has none).</summary>
    public sealed class ImageSpriteRequest
    {
        public ImageSpriteRequest(string fileId, int definition, string? sessionId = null)
        {
            FileId = fileId;
            Definition = definition;
            SessionId = sessionId;
        }

        public string FileId { get; }

        public int Definition { get; }

        /// <summary>ProcessMedia's SessionId (see <see cref="Client.IdempotencyKey"/>).</summary>
        public string? SessionId { get; }
    }
}
