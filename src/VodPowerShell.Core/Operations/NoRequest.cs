namespace VodPowerShell.Core.Operations
{
    /// <summary>The request of an action that takes no parameters (PullEvents).</summary>
    public readonly struct NoRequest
    {
    }
}
