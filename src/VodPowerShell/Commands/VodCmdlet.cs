using System;
using System.Management.Automation;
using System.Threading;

namespace VodPowerShell.Commands
{
    /// <summary>
    /// What every cmdlet that waits on Core shares, API call or download: a token that Ctrl+C
    /// (<see cref="StopProcessing"/>) cancels, and disposal of what a subclass holds.
    /// </summary>
    public abstract class VodCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource cancellation = new CancellationTokenSource();

        protected CancellationToken CancellationToken => cancellation.Token;

        protected override void StopProcessing() => cancellation.Cancel();

        public void Dispose()
        {
            Dispose(true);
            cancellation.Dispose();
        }

        /// <summary>For subclasses that hold resources of their own (a client, a journal, a downloader); call the base.</summary>
        protected virtual void Dispose(bool disposing)
        {
        }
    }
}
