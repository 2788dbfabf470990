using VodPowerShell.Core.Models;

namespace VodPowerShell.Core.Protocol
{
    /// <summary>Task states as both API versions write them: WAITING, PROCESSING, FINISH.</summary>
    public static class TaskStatusText
    {
        public static string ToWire(VodTaskStatus status) => status.ToString().ToUpperInvariant();

        /// <summary>
        /// Case-insensitive, as the docs are not consistent. An unknown value counts as still processing, so a
        /// waiter keeps polling until its timeout instead of reporting a result that is not there.
        /// </summary>
        public static VodTaskStatus Parse(string? status) => status?.ToUpperInvariant() switch
        {
            "WAITING" => VodTaskStatus.Waiting,
            "FINISH" => VodTaskStatus.Finish,
            _ => VodTaskStatus.Processing,
        };
    }
}
