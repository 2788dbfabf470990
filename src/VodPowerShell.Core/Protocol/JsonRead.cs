using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace VodPowerShell.Core.Protocol
{
    /// <summary>
    /// Tolerant readers for fields of service JSON: a missing field or one of the wrong kind is null, never
    /// an exception, because the docs disagree on types (numbers printed as strings and back).
    /// </summary>
    public static class JsonRead
    {
        public static JsonElement? Object(JsonElement parent, string name) =>
            parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : (JsonElement?)null;

        public static string? String(JsonElement parent, string name)
        {
            if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value)) return null;
            return value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            };
        }

        public static int? Int(JsonElement parent, string name)
        {
            if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value)) return null;
            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int number)) return number;
            if (value.ValueKind == JsonValueKind.String && int.TryParse(value.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number)) return number;
            return null;
        }

        public static long? Long(JsonElement parent, string name)
        {
            if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value)) return null;
            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long number)) return number;
            if (value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number)) return number;
            return null;
        }

        public static double? Double(JsonElement parent, string name)
        {
            if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value)) return null;
            if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out double number)) return number;
            if (value.ValueKind == JsonValueKind.String && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number)) return number;
            return null;
        }

        /// <summary>Unix seconds, with 0 (the service's "not yet") as null.</summary>
        public static DateTimeOffset? UnixTime(JsonElement parent, string name) =>
            Long(parent, name) is long seconds && seconds > 0 ? DateTimeOffset.FromUnixTimeSeconds(seconds) : (DateTimeOffset?)null;

        /// <summary>ISO-8601 as API 3.0 writes times; empty or unparsable is null.</summary>
        public static DateTimeOffset? IsoTime(JsonElement parent, string name) =>
            DateTimeOffset.TryParse(String(parent, name), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : (DateTimeOffset?)null;

        public static IReadOnlyList<string> StringArray(JsonElement parent, string name)
        {
            if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Array)
            {
                return System.Array.Empty<string>();
            }

            var items = new List<string>(value.GetArrayLength());
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String) items.Add(item.GetString()!);
            }

            return items;
        }

        public static IEnumerable<JsonElement> Array(JsonElement parent, string name)
        {
            if (parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in value.EnumerateArray()) yield return item;
            }
        }
    }
}
