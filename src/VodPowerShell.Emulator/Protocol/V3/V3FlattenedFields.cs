using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace VodPowerShell.Emulator.Protocol.V3
{
    /// <summary>
    /// The query of a TC3 GET and the parameters of a signature v1 request carry an action's fields flattened,
    /// <c>MediaProcessTask.ImageSpriteTaskSet.0.Definition=10</c> (docs/protocol.md, API 3.0). This rebuilds the JSON
    /// object the same action gets as a POST body, so every action has one reader whatever the signing mode.
    /// </summary>
    public static class V3FlattenedFields
    {
        /// <summary>
        /// A form has no types; the real service knows them from the API's schema. These are the integer fields of
        /// the actions the emulator serves (an array of integers is named here too); every other value stays a
        /// string, so a numeric FileId is still a string. An action that reads a new integer field adds it here.
        /// </summary>
        public static readonly IReadOnlySet<string> IntegerFields = new HashSet<string>(StringComparer.Ordinal)
        {
            "Definition", "Definitions", "Limit", "Offset", "SubAppId",
            "Width", "Height", "SampleInterval", "RowCount", "ColumnCount", "Quality", "ClassIds",
        };

        /// <summary>The signing and routing parameters of signature v1, which are not the action's fields.</summary>
        public static readonly IReadOnlySet<string> CommonParameters = new HashSet<string>(StringComparer.Ordinal)
        {
            V3Names.ActionParameter, V3Names.VersionParameter, V3Names.TimestampParameter, V3Names.NonceParameter,
            V3Names.SecretIdParameter, V3Names.SignatureParameter, V3Names.SignatureMethodParameter, V3Names.TokenParameter,
            "Region", "Language", "RequestClient",
        };

        /// <summary>The fields as a JSON object; common parameters are left out, a name that is only digits is an array index.</summary>
        public static JsonDocument ToJson(IEnumerable<KeyValuePair<string, string>> parameters)
        {
            var root = new Node();
            foreach (var (name, value) in parameters)
            {
                if (CommonParameters.Contains(name)) continue;
                var node = root;
                foreach (string segment in name.Split('.'))
                {
                    node = node.Child(segment);
                }

                node.Value = value;
            }

            var buffer = new ArrayBufferWriter<byte>(256);
            using (var json = new Utf8JsonWriter(buffer))
            {
                if (root.Children.Count == 0)
                {
                    // No fields at all (PullEvents): still an object, as an empty POST body would be.
                    json.WriteStartObject();
                    json.WriteEndObject();
                }
                else
                {
                    Write(json, root, null);
                }
            }

            return JsonDocument.Parse(buffer.WrittenMemory);
        }

        private static void Write(Utf8JsonWriter json, Node node, string? fieldName)
        {
            if (node.Children.Count == 0)
            {
                string value = node.Value ?? string.Empty;
                if (fieldName != null && IntegerFields.Contains(fieldName) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long number))
                {
                    json.WriteNumberValue(number);
                }
                else
                {
                    json.WriteStringValue(value);
                }

                return;
            }

            if (node.Children.Keys.All(IsIndex))
            {
                // Items keep their field's name, so Definitions.0 is typed like Definitions.
                json.WriteStartArray();
                foreach (var item in node.Children.OrderBy(pair => int.Parse(pair.Key, CultureInfo.InvariantCulture)))
                {
                    Write(json, item.Value, fieldName);
                }

                json.WriteEndArray();
                return;
            }

            json.WriteStartObject();
            foreach (var (name, child) in node.Children)
            {
                json.WritePropertyName(name);
                Write(json, child, name);
            }

            json.WriteEndObject();
        }

        private static bool IsIndex(string segment) =>
            segment.Length is > 0 and < 10 && segment.All(char.IsAsciiDigit);

        private sealed class Node
        {
            public Dictionary<string, Node> Children { get; } = new(StringComparer.Ordinal);

            public string? Value { get; set; }

            public Node Child(string name)
            {
                if (!Children.TryGetValue(name, out var child))
                {
                    child = new Node();
                    Children.Add(name, child);
                }

                return child;
            }
        }
    }
}
