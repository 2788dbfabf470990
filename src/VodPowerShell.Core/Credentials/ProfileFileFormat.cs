using System;
using System.IO;
using System.Text.Json;

namespace VodPowerShell.Core.Credentials
{
    /// <summary>
    /// Reads and writes the profile file:
    /// <c>{"version": 1, "defaultProfile": "work", "profiles": {"work": {"secretId": "AKID…", "protection": "FileMode",
    /// "secretKey": "&lt;base64&gt;", "token": "&lt;base64&gt;", "region": "ap-guangzhou", "endpoint": "https://…", "apiVersion": "V2"}}}</c>.
    /// Secrets go between bytes and base64 directly, so they never become managed strings here.
    /// </summary>
    internal static class ProfileFileFormat
    {
        private const int CurrentVersion = 1;

        public static ProfileDocument Parse(byte[] json, string path)
        {
            var document = new ProfileDocument();
            try
            {
                using JsonDocument parsed = JsonDocument.Parse(json);
                ReadInto(document, parsed.RootElement);
                return document;
            }
            catch (Exception ex) when (ex is JsonException || ex is FormatException || ex is InvalidOperationException)
            {
                document.Dispose();
                throw ProfileErrors.Corrupt(path, ex.Message, ex);
            }
        }

        public static byte[] Serialize(ProfileDocument document)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            {
                writer.WriteStartObject();
                writer.WriteNumber("version", CurrentVersion);
                if (document.DefaultProfileName != null) writer.WriteString("defaultProfile", document.DefaultProfileName);
                writer.WriteStartObject("profiles");
                foreach (ProfileRecord record in document.Profiles.Values) Write(writer, record);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            byte[] json = buffer.ToArray();
            // The stream's own buffer holds the secrets too; wipe it before it goes back to the GC.
            Array.Clear(buffer.GetBuffer(), 0, (int)buffer.Length);
            return json;
        }

        private static void ReadInto(ProfileDocument document, JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object) throw new FormatException("The top level is not a JSON object.");
            if (!root.TryGetProperty("version", out JsonElement version) || version.ValueKind != JsonValueKind.Number || version.GetInt32() != CurrentVersion)
            {
                throw new FormatException($"It has no \"version\": {CurrentVersion} (a newer VodPowerShell may have written it).");
            }

            if (root.TryGetProperty("profiles", out JsonElement profiles))
            {
                foreach (JsonProperty profile in profiles.EnumerateObject())
                {
                    if (document.Profiles.ContainsKey(profile.Name)) throw new FormatException($"The profile '{profile.Name}' appears twice.");
                    document.Profiles.Add(profile.Name, ReadRecord(profile.Name, profile.Value));
                }
            }

            document.DefaultProfileName = OptionalString(root, "defaultProfile");
            if (document.DefaultProfileName != null && !document.Profiles.ContainsKey(document.DefaultProfileName))
            {
                throw new FormatException($"The default profile '{document.DefaultProfileName}' is not in the file.");
            }
        }

        private static ProfileRecord ReadRecord(string name, JsonElement profile)
        {
            string protection = RequiredString(profile, "protection", name);
            if (!SecretProtection.IsKnown(protection)) throw new FormatException($"Profile '{name}' uses the unknown protection '{protection}'.");

            byte[]? token = profile.TryGetProperty("token", out JsonElement tokenValue) ? tokenValue.GetBytesFromBase64() : null;
            var record = new ProfileRecord(name, RequiredString(profile, "secretId", name), protection, Required(profile, "secretKey", name).GetBytesFromBase64(), token)
            {
                Region = OptionalString(profile, "region"),
                ApiVersion = OptionalString(profile, "apiVersion"),
            };

            string? endpoint = OptionalString(profile, "endpoint");
            if (endpoint != null)
            {
                record.Endpoint = Uri.TryCreate(endpoint, UriKind.Absolute, out Uri? uri) ? uri : throw new FormatException($"Profile '{name}' has the endpoint '{endpoint}', which is not an absolute URI.");
            }

            return record;
        }

        private static void Write(Utf8JsonWriter writer, ProfileRecord record)
        {
            writer.WriteStartObject(record.Name);
            writer.WriteString("secretId", record.SecretId);
            writer.WriteString("protection", record.Protection);
            writer.WriteBase64String("secretKey", record.StoredSecretKey);
            if (record.StoredToken != null) writer.WriteBase64String("token", record.StoredToken);
            if (record.Region != null) writer.WriteString("region", record.Region);
            if (record.Endpoint != null) writer.WriteString("endpoint", record.Endpoint.AbsoluteUri);
            if (record.ApiVersion != null) writer.WriteString("apiVersion", record.ApiVersion);
            writer.WriteEndObject();
        }

        private static JsonElement Required(JsonElement profile, string property, string name) =>
            profile.TryGetProperty(property, out JsonElement value) && value.ValueKind != JsonValueKind.Null
                ? value
                : throw new FormatException($"Profile '{name}' has no \"{property}\".");

        private static string RequiredString(JsonElement profile, string property, string name) =>
            Required(profile, property, name).GetString() is { Length: > 0 } text ? text : throw new FormatException($"Profile '{name}' has an empty \"{property}\".");

        private static string? OptionalString(JsonElement element, string property) =>
            element.TryGetProperty(property, out JsonElement value) && value.ValueKind != JsonValueKind.Null ? value.GetString() : null;
    }
}
