using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using VodPowerShell.Core.Api;
using VodPowerShell.Core.Client;
using VodPowerShell.Core.Credentials;
using VodPowerShell.Core.Models;
using VodPowerShell.Core.Operations;
using VodPowerShell.Session;

namespace VodPowerShell.Completion
{
    /// <summary>
    /// Completes -Definition with the account's image sprite templates (API 3.0), remembered for a minute per
    /// endpoint and SecretId so each Tab press does not call the service; offline, without a credential or on
    /// v2 it offers the known presets (10 first).
    /// </summary>
    public sealed class DefinitionCompleter : IArgumentCompleter
    {
        private static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(60);

        /// <summary>The most a Tab press waits for the service, quota wait included, before offering the presets.</summary>
        private static readonly TimeSpan LookupBudget = TimeSpan.FromSeconds(5);
        private static readonly ConcurrentDictionary<string, (DateTime Until, IReadOnlyList<(int Definition, string Description)> Items)> Cache =
            new ConcurrentDictionary<string, (DateTime, IReadOnlyList<(int, string)>)>(StringComparer.Ordinal);

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            foreach (var (definition, description) in Templates(fakeBoundParameters))
            {
                string text = definition.ToString(CultureInfo.InvariantCulture);
                if (!text.StartsWith(wordToComplete ?? string.Empty, StringComparison.Ordinal)) continue;
                yield return new CompletionResult(text, $"{text} – {description}", CompletionResultType.ParameterValue, description);
            }
        }

        private static IReadOnlyList<(int, string)> Known() =>
            SpriteTemplates.Known.Select(t => (t.Definition, t.Description)).ToList();

        /// <summary>The account's templates, or the known presets when they cannot be had quickly.</summary>
        private static IReadOnlyList<(int, string)> Templates(IDictionary? bound)
        {
            try
            {
                var credential = bound?["Credential"] is PSCredential given ? new VodCredential(given.UserName, given.Password) : null;
                var profile = new CredentialResolver().Resolve(credential, bound?["ProfileName"] as string, VodSessionState.Current.DefaultProfile);
                if (profile is null) return Known();
                var settings = new VodClientSettings
                {
                    Endpoint = bound?["Endpoint"] is { } endpoint ? new Uri(endpoint.ToString()!) : null,
                    ApiVersion = VodClientFactory.ParseVersion(bound?["ApiVersion"]?.ToString()),
                    MaximumRetryCount = 0,
                    RequestTimeout = TimeSpan.FromSeconds(3),
                };
                using var client = VodClientFactory.Create(profile, settings);
                if (client.Api.Version != ApiVersion.V3) return Known();
                string key = client.Api.Endpoint + "|" + profile.Credential.SecretId;
                if (Cache.TryGetValue(key, out var cached) && cached.Until > DateTime.UtcNow) return cached.Items;

                var query = new ImageSpriteTemplateQuery { Limit = TemplateOperations.MaxDescribeLimit };
                using var budget = new CancellationTokenSource(LookupBudget);
                var outcome = client.SendAsync(TemplateOperations.DescribeImageSpriteTemplates, query, budget.Token).GetAwaiter().GetResult();
                if (!outcome.IsSuccess) return Known();
                var items = outcome.Value!.Items.Select(t => (t.Definition, Describe(t))).ToList();
                Cache[key] = (DateTime.UtcNow + CacheLifetime, items);
                return items;
            }
            catch (Exception)
            {
                // Completion must never fail the prompt: anything unexpected falls back to the presets.
                return Known();
            }
        }

        private static string Describe(ImageSpriteTemplate t) =>
            string.Format(CultureInfo.InvariantCulture, "{0} ({1}): {2}, {3}x{4} thumbnails, {5}x{6} per sheet, every {7}{8}",
                t.Name, t.Type, t.Format, t.Width, t.Height, t.RowCount, t.ColumnCount, t.SampleInterval, t.SampleType == "Percent" ? " %" : " s");
    }
}
