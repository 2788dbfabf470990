namespace VodPowerShell.Core.Models
{
    /// <summary>A task's state as the service names it (reference §5.1).</summary>
    public enum VodTaskStatus
    {
        Waiting,
        Processing,
        Finish,
    }
}
