using System.Collections.Generic;
using System.Management.Automation;
using VodPowerShell.Core.Client;
using VodPowerShell.Core.Operations;

namespace VodPowerShell.Commands
{
    /// <summary>
    /// Confirms pulled events (ConfirmEvent) so the queue stops delivering them. Handles bind from
    /// Receive-VodEvent output and are sent in batches; a handle older than 30 s is refused by the service (4000).
    /// </summary>
    [Cmdlet(VerbsLifecycle.Confirm, "VodEvent", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    public sealed class ConfirmVodEventCommand : VodApiCmdlet
    {
        private readonly List<string> handles = new List<string>();

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("MsgHandle")]
        [ValidateNotNullOrEmpty]
        public string[] EventHandle { get; set; } = System.Array.Empty<string>();

        protected override void ProcessRecord()
        {
            foreach (string handle in EventHandle)
            {
                if (ShouldProcess(handle, "Confirm event")) handles.Add(handle);
            }

            // Send full batches as they fill, so a long pipeline confirms well inside the 30 s a handle lives.
            if (handles.Count >= EventOperations.MaxEventHandlesPerConfirm) Flush();
        }

        protected override void EndProcessing() => Flush();

        private void Flush()
        {
            if (handles.Count == 0) return;
            var result = Await(EventBatches.ConfirmAsync(Client, handles, CancellationToken));
            foreach (var failure in result.Failures) WriteVodError(failure.Value, failure.Key);
            WriteVerbose($"Confirmed {result.Confirmed} of {handles.Count} event(s).");
            handles.Clear();
        }
    }
}
