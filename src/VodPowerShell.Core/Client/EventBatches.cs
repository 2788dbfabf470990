using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using VodPowerShell.Core.Errors;
using VodPowerShell.Core.Operations;

namespace VodPowerShell.Core.Client
{
    /// <summary>
    /// Confirms any number of event handles in batches of <see cref="EventOperations.MaxEventHandlesPerConfirm"/>
    /// (API 3.0's limit, docs/protocol.md §8; v2 sets none, so both use it). A failed batch fails each of its
    /// handles, and the other batches still go.
    /// </summary>
    public static class EventBatches
    {
        public static async Task<EventConfirmationResult> ConfirmAsync(VodClient client, IReadOnlyList<string> handles, CancellationToken cancellationToken)
        {
            if (client is null) throw new ArgumentNullException(nameof(client));
            if (handles is null) throw new ArgumentNullException(nameof(handles));

            const int batchSize = EventOperations.MaxEventHandlesPerConfirm;
            int confirmed = 0;
            var failures = new List<KeyValuePair<string, VodError>>();
            for (int start = 0; start < handles.Count; start += batchSize)
            {
                var batch = new List<string>(batchSize);
                for (int i = start; i < handles.Count && i < start + batchSize; i++) batch.Add(handles[i]);

                var outcome = await client.SendAsync(EventOperations.ConfirmEvents, batch, cancellationToken).ConfigureAwait(false);
                if (outcome.IsSuccess)
                {
                    confirmed += outcome.Value;
                    continue;
                }

                foreach (string handle in batch) failures.Add(new KeyValuePair<string, VodError>(handle, outcome.Error!));
            }

            return new EventConfirmationResult(confirmed, failures);
        }
    }

    /// <summary>How many handles were confirmed, and each one that was not with the reason.</summary>
    public sealed class EventConfirmationResult
    {
        public EventConfirmationResult(int confirmed, IReadOnlyList<KeyValuePair<string, VodError>> failures)
        {
            Confirmed = confirmed;
            Failures = failures;
        }

        public int Confirmed { get; }

        public IReadOnlyList<KeyValuePair<string, VodError>> Failures { get; }
    }
}
