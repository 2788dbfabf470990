using System;
using System.Collections;
using System.Collections.Generic;

namespace VodPowerShell.Core.Protocol.V2
{
    /// <summary>
    /// The name/value pairs of one request, in insertion order, each name at most once. Values are raw
    /// (unencoded); encoding happens only when the request is written to the wire.
    /// </summary>
    public sealed class RequestParameters : IReadOnlyList<KeyValuePair<string, string>>
    {
        // A request carries about a dozen parameters: a linear search for duplicates beats building a HashSet per request.
        private readonly List<KeyValuePair<string, string>> items;

        public RequestParameters(int capacity = 12) => items = new List<KeyValuePair<string, string>>(capacity);

        public int Count => items.Count;

        public KeyValuePair<string, string> this[int index] => items[index];

        public RequestParameters Add(string name, string value)
        {
            if (string.IsNullOrEmpty(name)) throw new ArgumentException("A parameter needs a name.", nameof(name));
            if (value is null) throw new ArgumentNullException(nameof(value), $"Parameter '{name}' has no value.");
            if (Contains(name)) throw new ArgumentException($"Parameter '{name}' is given twice.", nameof(name));
            items.Add(new KeyValuePair<string, string>(name, value));
            return this;
        }

        public bool Contains(string name) => this[name] != null;

        public string? this[string name]
        {
            get
            {
                for (int i = 0; i < items.Count; i++)
                {
                    if (string.Equals(items[i].Key, name, StringComparison.Ordinal)) return items[i].Value;
                }

                return null;
            }
        }

        public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => items.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
