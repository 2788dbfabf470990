using System.Collections.Generic;

namespace VodPowerShell.Commands
{
    /// <summary>Confirms handles in batches of <see cref="BatchSize"/>, reporting a failed batch per handle.</summary>
    internal static class EventConfirmation
    {
        /// <summary>API 3.0's limit per call (docs/protocol.md §8); v2 sets none, so both use it.</summary>
        public const int BatchSize = Core.Protocol.V3.V3Api.MaxEventHandlesPerConfirm;

        public static int Confirm(VodApiCmdlet cmdlet, IReadOnlyList<string> handles)
        {
            int confirmed = 0;
            for (int start = 0; start < handles.Count; start += BatchSize)
            {
                var batch = new List<string>(BatchSize);
                for (int i = start; i < handles.Count && i < start + BatchSize; i++) batch.Add(handles[i]);

                var outcome = cmdlet.ConfirmBatch(batch);
                if (outcome.IsSuccess)
                {
                    confirmed += outcome.Value;
                    continue;
                }

                foreach (string handle in batch) cmdlet.WriteVodError(outcome.Error!, handle);
            }

            return confirmed;
        }
    }
}
