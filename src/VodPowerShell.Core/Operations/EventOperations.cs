using System;
using System.Collections.Generic;
using VodPowerShell.Core.Models;
using VodPowerShell.Core.Protocol.V2;
using VodPowerShell.Core.Protocol.V3;

namespace VodPowerShell.Core.Operations
{
    /// <summary>The reliable-callback queue, in both API versions (docs/protocol.md §5.4–5.5, §5.9–5.10), declared once.</summary>
    public static class EventOperations
    {
        /// <summary>ConfirmEvents takes at most 16 handles ("数组长度限制：16"); PullEvents returns at most 16 events. v2 sets no limit.</summary>
        public const int MaxEventHandlesPerConfirm = 16;

        /// <summary>The events waiting in the queue (long poll). Pulling again is harmless: an event stays queued until it is confirmed.</summary>
        public static readonly VodOperation<NoRequest, IReadOnlyList<VodEvent>> PullEvents = new VodOperation<NoRequest, IReadOnlyList<VodEvent>>(
            "PullEvents", isIdempotent: true,
            v2Action: WireNames.PullEvent, writeV2: null, readV2: V2Messages.ReadEvents,
            v3Action: V3WireNames.PullEvents, writeV3: null, readV3: V3Messages.ReadEvents,
            v3NothingCode: V3Messages.NoEventErrorCode, nothing: () => Array.Empty<VodEvent>());

        /// <summary>Confirms pulled events so they are not delivered again; the answer is the number confirmed.</summary>
        public static readonly VodOperation<IReadOnlyList<string>, int> ConfirmEvents = new VodOperation<IReadOnlyList<string>, int>(
            "ConfirmEvents", isIdempotent: true,
            v2Action: WireNames.ConfirmEvent, writeV2: V2Messages.WriteConfirmEvents, readV2: Confirmed,
            v3Action: V3WireNames.ConfirmEvents, writeV3: V3Messages.WriteConfirmEvents, readV3: Confirmed);

        private static int Confirmed(IReadOnlyList<string> eventHandles, System.Text.Json.JsonElement answer, ResponseContext context) => eventHandles.Count;
    }
}
