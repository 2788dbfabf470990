using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using VodPowerShell.Core.Credentials;
using VodPowerShell.Core.Errors;

namespace VodPowerShell.Completion
{
    /// <summary>Tab completion of stored profile names, so nobody has to remember them.</summary>
    public sealed class ProfileNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            IReadOnlyList<StoredProfile> profiles;
            try
            {
                profiles = new ProfileStore().List();
            }
            catch (VodException)
            {
                // An unreadable store is reported by the commands themselves, not by tab completion.
                yield break;
            }

            var pattern = new WildcardPattern((wordToComplete ?? string.Empty) + "*", WildcardOptions.IgnoreCase);
            foreach (var profile in profiles)
            {
                if (!pattern.IsMatch(profile.Name)) continue;
                string tip = $"{profile.MaskedSecretId}{(profile.IsDefault ? " (default)" : string.Empty)}";
                yield return new CompletionResult(profile.Name, profile.Name, CompletionResultType.ParameterValue, tip);
            }
        }
    }
}
