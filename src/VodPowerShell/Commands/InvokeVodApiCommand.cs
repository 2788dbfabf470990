using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using VodPowerShell.Conversion;
using VodPowerShell.Core.Operations;

namespace VodPowerShell.Commands
{
    /// <summary>
    /// Calls any VOD action with the module's credentials, signing, quota and retries, for what the other
    /// cmdlets do not cover. Parameters that the module sets itself (SecretId, Signature, Action, …) are refused.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "VodApi", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(PSObject), typeof(string))]
    public sealed class InvokeVodApiCommand : VodApiCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        [ValidatePattern("^[A-Za-z][A-Za-z0-9]*$")]
        public string Action { get; set; } = string.Empty;

        /// <summary>The action's parameters: v2 takes flat values and lists; API 3.0 also nested hashtables.</summary>
        [Parameter(Position = 1)]
        [Alias("Parameters")]
        public IDictionary? Parameter { get; set; }

        /// <summary>Emit the answer as JSON text instead of an object.</summary>
        [Parameter]
        public SwitchParameter Raw { get; set; }

        protected override void EndProcessing()
        {
            var parameters = new List<KeyValuePair<string, object?>>();
            if (Parameter != null)
            {
                foreach (DictionaryEntry entry in Parameter)
                {
                    parameters.Add(new KeyValuePair<string, object?>(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty, Unwrap(entry.Value)));
                }
            }

            if (!ShouldProcess(Action, "Invoke VOD API action")) return;
            var outcome = Await(Client.SendAsync(UntypedOperation.For(Action), parameters, CancellationToken));
            if (!outcome.IsSuccess)
            {
                WriteVodError(outcome.Error!, Action);
                return;
            }

            WriteObject(Raw ? outcome.Value.GetRawText() : JsonToPSObject.Convert(outcome.Value));
        }

        /// <summary>Hashtables and arrays from a script arrive wrapped in PSObject; the core wants plain values.</summary>
        private static object? Unwrap(object? value)
        {
            if (value is PSObject wrapped) value = wrapped.BaseObject;
            switch (value)
            {
                case IDictionary map:
                    var plain = new Hashtable(map.Count);
                    foreach (DictionaryEntry entry in map) plain[entry.Key] = Unwrap(entry.Value);
                    return plain;
                case IEnumerable list when !(value is string):
                    var items = new List<object?>();
                    foreach (object? item in list) items.Add(Unwrap(item));
                    return items;
                default:
                    return value;
            }
        }
    }
}
