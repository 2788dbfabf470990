using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using VodPowerShell.Core.Http;

namespace VodPowerShell.Completion
{
    /// <summary>Completes -Region with the regions Tencent lists (docs/protocol.md §1.2), in both naming styles.</summary>
    public sealed class RegionCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            foreach (var region in RegionNames.Known)
            {
                if (!region.Key.StartsWith(wordToComplete ?? string.Empty, System.StringComparison.OrdinalIgnoreCase)) continue;
                yield return new CompletionResult(region.Key, region.Key, CompletionResultType.ParameterValue, region.Value);
            }
        }
    }
}
