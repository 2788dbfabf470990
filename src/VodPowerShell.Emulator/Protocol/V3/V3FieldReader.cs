using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace VodPowerShell.Emulator.Protocol.V3
{
    /// <summary>
    /// Reads an action's optional fields and keeps the first problem: a field of the wrong JSON type is
    /// InvalidParameter, a list longer than the service allows or a time that is not ISO 8601 is
    /// InvalidParameterValue.&lt;Field&gt;. Once <see cref="Error"/> is set, every read returns its default.
    /// </summary>
    public sealed class V3FieldReader
    {
        private readonly JsonElement body;

        public V3FieldReader(JsonElement body) => this.body = body;

        public V3Reply? Error { get; private set; }

        public string? String(string name) => Read(name, JsonValueKind.String, static e => e.GetString());

        public int? Int(string name) => Read(name, JsonValueKind.Number, static e => e.TryGetInt32(out int value) ? value : (int?)null);

        /// <summary>An array of strings, empty when absent; at most <paramref name="maxCount"/> items.</summary>
        public IReadOnlyList<string> Strings(string name, int maxCount) => Items(name, maxCount, JsonValueKind.String, static e => e.GetString());

        public IReadOnlyList<long> Longs(string name, int maxCount) =>
            [.. Items<object>(name, maxCount, JsonValueKind.Number, static e => e.TryGetInt64(out long value) ? value : null).Cast<long>()];

        /// <summary><c>{"After":"…","Before":"…"}</c>, both optional ISO 8601 times.</summary>
        public (DateTimeOffset? After, DateTimeOffset? Before) TimeRange(string name)
        {
            if (Error != null || !body.TryGetProperty(name, out var range) || range.ValueKind == JsonValueKind.Null) return default;
            if (range.ValueKind != JsonValueKind.Object) return Fail<(DateTimeOffset?, DateTimeOffset?)>(V3Reply.InvalidParameter(name));
            var inner = new V3FieldReader(range);
            var result = (inner.Time(name + ".After", "After", name), inner.Time(name + ".Before", "Before", name));
            return inner.Error is { } error ? Fail<(DateTimeOffset?, DateTimeOffset?)>(error) : result;
        }

        /// <summary>A top-level ISO 8601 time (the older StartTime / EndTime fields).</summary>
        public DateTimeOffset? Time(string name) => Time(name, name, name);

        private DateTimeOffset? Time(string path, string name, string codeField)
        {
            string? text = String(name);
            if (text is null) return null;
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)) return time;
            return Fail<DateTimeOffset?>(V3Reply.Error(V3ErrorCodes.InvalidParameterValue + "." + codeField, $"{path} must be an ISO 8601 time such as 2024-05-01T00:00:00Z, not '{text}'."));
        }

        private T? Read<T>(string name, JsonValueKind kind, Func<JsonElement, T?> convert)
        {
            if (Error != null || !body.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null) return default;
            if (element.ValueKind != kind) return Fail<T>(V3Reply.InvalidParameter(name));
            var value = convert(element);
            return value is null ? Fail<T>(V3Reply.InvalidParameter(name)) : value;
        }

        private IReadOnlyList<T> Items<T>(string name, int maxCount, JsonValueKind kind, Func<JsonElement, T?> convert)
        {
            if (Error != null || !body.TryGetProperty(name, out var array) || array.ValueKind == JsonValueKind.Null) return [];
            if (array.ValueKind != JsonValueKind.Array) return Fail<IReadOnlyList<T>>(V3Reply.InvalidParameter(name)) ?? [];
            if (array.GetArrayLength() > maxCount)
            {
                return Fail<IReadOnlyList<T>>(V3Reply.Error(V3ErrorCodes.InvalidParameterValue + "." + name, $"{name} holds at most {maxCount} items, not {array.GetArrayLength()}.")) ?? [];
            }

            var items = new List<T>();
            foreach (var element in array.EnumerateArray())
            {
                var value = element.ValueKind == kind ? convert(element) : default;
                if (value is null) return Fail<IReadOnlyList<T>>(V3Reply.InvalidParameter(name)) ?? [];
                items.Add(value);
            }

            return items;
        }

        private T? Fail<T>(V3Reply error)
        {
            Error ??= error;
            return default;
        }
    }
}
