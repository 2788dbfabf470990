using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Language;
using VodPowerShell.Core.Models;

namespace VodPowerShell.Completion
{
    /// <summary>Completes -Definition with the known image sprite templates and what each produces.</summary>
    public sealed class DefinitionCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            foreach (var template in SpriteTemplates.Known)
            {
                string text = template.Definition.ToString(CultureInfo.InvariantCulture);
                if (!text.StartsWith(wordToComplete ?? string.Empty, System.StringComparison.Ordinal)) continue;
                yield return new CompletionResult(text, $"{text} – {template.Description}", CompletionResultType.ParameterValue, template.Description);
            }
        }
    }
}
