using System.Collections.Generic;
using System.Text.Json;
using VodPowerShell.Core.Protocol;
using VodPowerShell.Core.Protocol.V2;

namespace VodPowerShell.Core.Operations
{
    /// <summary>
    /// Any action by name (Invoke-VodApi; docs/protocol.md §5.12): parameters written as given
    /// (<see cref="GenericParameters"/>), the answer returned as it came (v2's whole envelope, API 3.0's
    /// <c>Response</c> object). Never resent after a lost answer, since its effect is unknown to the module.
    /// </summary>
    public static class UntypedOperation
    {
        public static VodOperation<IReadOnlyList<KeyValuePair<string, object?>>, JsonElement> For(string action) =>
            new VodOperation<IReadOnlyList<KeyValuePair<string, object?>>, JsonElement>(
                action, isIdempotent: false, read: (answer, _) => answer,
                v3Action: action, writeV3: WriteV3,
                v2Action: action, writeV2: WriteV2);

        private static void WriteV3(Utf8JsonWriter writer, IReadOnlyList<KeyValuePair<string, object?>> parameters)
        {
            GenericParameters.Validate(parameters);
            GenericParameters.WriteJson(writer, parameters);
        }

        private static void WriteV2(RequestParameters flat, IReadOnlyList<KeyValuePair<string, object?>> parameters)
        {
            GenericParameters.Validate(parameters);
            foreach (var pair in GenericParameters.ToV2(parameters)) flat.Add(pair.Key, pair.Value);
        }
    }
}
