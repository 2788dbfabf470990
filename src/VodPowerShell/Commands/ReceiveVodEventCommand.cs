using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Management.Automation;
using VodPowerShell.Core.Client;
using VodPowerShell.Core.Models;
using VodPowerShell.Core.Operations;

namespace VodPowerShell.Commands
{
    /// <summary>
    /// Pulls event notifications from the reliable-callback queue (PullEvent). One long poll by default; with
    /// -MaxEvents or -Timeout it keeps pulling until either is reached. Events stay queued until confirmed:
    /// -AutoConfirm confirms each batch after its events went down the pipeline (at-least-once delivery).
    /// </summary>
    [Cmdlet(VerbsCommunications.Receive, "VodEvent")]
    [OutputType(typeof(VodEvent))]
    public sealed class ReceiveVodEventCommand : VodApiCmdlet
    {
        /// <summary>Only these types (wildcards allowed); others are left in the queue, unconfirmed.</summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        public string[]? EventType { get; set; }

        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int MaxEvents { get; set; }

        /// <summary>Seconds to keep pulling; without it (and without -MaxEvents) one pull is made.</summary>
        [Parameter]
        [Alias("Timeout")]
        [ValidateRange(0, int.MaxValue)]
        public int TimeoutSec { get; set; } = -1;

        [Parameter]
        public SwitchParameter AutoConfirm { get; set; }

        protected override void EndProcessing()
        {
            var filter = EventType is null ? null : Array.ConvertAll(EventType, pattern => new WildcardPattern(pattern, WildcardOptions.IgnoreCase));
            bool keepPulling = MaxEvents > 0 || TimeoutSec >= 0;
            int limit = MaxEvents > 0 ? MaxEvents : int.MaxValue;
            var clock = Stopwatch.StartNew();
            int received = 0;

            do
            {
                var outcome = Await(Client.SendAsync(EventOperations.PullEvents, default(NoRequest), CancellationToken));
                if (!outcome.IsSuccess)
                {
                    WriteVodError(outcome.Error!, null);
                    return;
                }

                var toConfirm = new List<string>();
                foreach (VodEvent item in outcome.Value!)
                {
                    if (received >= limit) break;
                    if (filter != null && !Array.Exists(filter, pattern => pattern.IsMatch(item.EventType))) continue;
                    received++;
                    WriteObject(item);
                    if (item.EventHandle != null) toConfirm.Add(item.EventHandle);
                }

                if (AutoConfirm && toConfirm.Count > 0)
                {
                    foreach (var failure in Await(EventBatches.ConfirmAsync(Client, toConfirm, CancellationToken)).Failures) WriteVodError(failure.Value, failure.Key);
                }
            }
            while (keepPulling && received < limit && (TimeoutSec < 0 || clock.Elapsed.TotalSeconds < TimeoutSec));
        }
    }
}
