namespace VodPowerShell.Core.Operations
{
    /// <summary>Where an answer came from, for the models that report it (Endpoint, SubAppId).</summary>
    public sealed class ResponseContext
    {
        public ResponseContext(string endpoint, ulong? subAppId)
        {
            Endpoint = endpoint;
            SubAppId = subAppId;
        }

        public string Endpoint { get; }

        public ulong? SubAppId { get; }
    }
}
