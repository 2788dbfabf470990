namespace VodPowerShell.Core.Http
{
    /// <summary>How parameters travel: in the query (GET, the usual choice) or in a form body (POST, for long values).</summary>
    public enum RequestMethod
    {
        Get,
        Post,
    }
}
