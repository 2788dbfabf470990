using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using VodPowerShell.Core.Errors;
using VodPowerShell.Core.Protocol.V2;

namespace VodPowerShell.Core.Protocol
{
    /// <summary>
    /// Parameters of an arbitrary action (Invoke-VodApi): strings, numbers, booleans, lists and, for API 3.0,
    /// nested objects. Names the transport itself sets are refused, so no input can replace the credential,
    /// the signature or the action.
    /// </summary>
    public static class GenericParameters
    {
        /// <summary>The common parameters of both versions (v2 query names, API 3.0 header names).</summary>
        private static readonly HashSet<string> Reserved = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            WireNames.Action, WireNames.Region, WireNames.Timestamp, WireNames.Nonce, WireNames.SecretId,
            WireNames.Signature, WireNames.SignatureMethod, WireNames.Token, "Version", "Authorization", "RequestClient",
        };

        public static bool IsReserved(string name) => Reserved.Contains(name) || Reserved.Contains(name.Replace('_', '.').Split('.')[0]);

        /// <summary>Throws InvalidArgument for a reserved or empty name, before anything is signed.</summary>
        public static void Validate(IEnumerable<KeyValuePair<string, object?>> parameters)
        {
            foreach (var pair in parameters)
            {
                if (string.IsNullOrWhiteSpace(pair.Key)) throw Invalid("A parameter name is empty.");
                if (IsReserved(pair.Key))
                {
                    throw Invalid($"'{pair.Key}' is a common parameter that the module sets itself (credential, signature, action, timestamp); it cannot be passed in -Parameter.", "ReservedParameterName");
                }
            }
        }

        /// <summary>v2's flat form: lists become <c>name.0</c>, <c>name.1</c> (docs/protocol.md §1.1); objects are refused.</summary>
        public static RequestParameters ToV2(IEnumerable<KeyValuePair<string, object?>> parameters)
        {
            var flat = new RequestParameters();
            foreach (var pair in parameters)
            {
                if (pair.Value is IDictionary) throw Invalid($"'{pair.Key}' is an object; the v2 API takes only flat values and lists.");
                if (pair.Value is IEnumerable list && !(pair.Value is string))
                {
                    int index = 0;
                    foreach (object? item in list) flat.Add(pair.Key + "." + (index++).ToString(CultureInfo.InvariantCulture), Scalar(pair.Key, item));
                }
                else
                {
                    flat.Add(pair.Key, Scalar(pair.Key, pair.Value));
                }
            }

            return flat;
        }

        /// <summary>API 3.0's JSON body fields, values written with their own JSON types.</summary>
        public static void WriteJson(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, object?>> parameters)
        {
            foreach (var pair in parameters)
            {
                writer.WritePropertyName(pair.Key);
                WriteValue(writer, pair.Value);
            }
        }

        private static void WriteValue(Utf8JsonWriter writer, object? value)
        {
            switch (value)
            {
                case null: writer.WriteNullValue(); break;
                case string text: writer.WriteStringValue(text); break;
                case bool flag: writer.WriteBooleanValue(flag); break;
                case int or long or short or byte or uint or ulong or ushort or sbyte:
                    writer.WriteNumberValue(Convert.ToDecimal(value, CultureInfo.InvariantCulture)); break;
                case float or double or decimal:
                    writer.WriteNumberValue(Convert.ToDouble(value, CultureInfo.InvariantCulture)); break;
                case IDictionary map:
                    writer.WriteStartObject();
                    foreach (DictionaryEntry entry in map)
                    {
                        writer.WritePropertyName(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty);
                        WriteValue(writer, entry.Value);
                    }

                    writer.WriteEndObject();
                    break;
                case IEnumerable list:
                    writer.WriteStartArray();
                    foreach (object? item in list) WriteValue(writer, item);
                    writer.WriteEndArray();
                    break;
                default: writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
            }
        }

        private static string Scalar(string name, object? value) => value switch
        {
            null => throw Invalid($"'{name}' has no value."),
            bool flag => flag ? "true" : "false",
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        };

        private static VodException Invalid(string message, string errorId = "InvalidParameters") =>
            new VodException(new VodError(errorId, VodErrorCategory.InvalidArgument, message, RetryPolicy.Never));
    }
}
