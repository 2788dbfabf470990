namespace VodPowerShell.Core.Models
{
    /// <summary>A task's state as the service names it (docs/protocol.md §9.1).</summary>
    public enum VodTaskStatus
    {
        Waiting,
        Processing,
        Finish,
    }
}
