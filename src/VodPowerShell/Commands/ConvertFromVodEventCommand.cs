using System.Management.Automation;
using VodPowerShell.Core.Errors;
using VodPowerShell.Core.Events;
using VodPowerShell.Core.Models;
using VodPowerShell.Errors;

namespace VodPowerShell.Commands
{
    /// <summary>
    /// Reads the JSON body of an HTTP event callback (v2 "4.0" or API 3.0 format) into the same object
    /// Receive-VodEvent emits. Offline: no credential, no request.
    /// </summary>
    [Cmdlet(VerbsData.ConvertFrom, "VodEvent")]
    [OutputType(typeof(VodEvent))]
    public sealed class ConvertFromVodEventCommand : PSCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        public string InputObject { get; set; } = string.Empty;

        protected override void ProcessRecord()
        {
            try
            {
                WriteObject(EventParser.Parse(InputObject));
            }
            catch (VodException ex)
            {
                WriteError(ErrorRecordFactory.Create(ex, InputObject));
            }
        }
    }
}
