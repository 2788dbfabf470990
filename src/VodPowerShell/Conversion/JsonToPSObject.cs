using System.Globalization;
using System.Management.Automation;
using System.Text.Json;

namespace VodPowerShell.Conversion
{
    /// <summary>JSON as PowerShell shows ConvertFrom-Json output: objects with note properties, arrays, numbers, text.</summary>
    internal static class JsonToPSObject
    {
        public static object? Convert(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    var result = new PSObject();
                    foreach (var property in element.EnumerateObject()) result.Properties.Add(new PSNoteProperty(property.Name, Convert(property.Value)));
                    return result;
                case JsonValueKind.Array:
                    var items = new object?[element.GetArrayLength()];
                    int index = 0;
                    foreach (var item in element.EnumerateArray()) items[index++] = Convert(item);
                    return items;
                case JsonValueKind.String:
                    return element.GetString();
                case JsonValueKind.Number:
                    if (element.TryGetInt64(out long whole)) return whole;
                    return double.Parse(element.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture);
                case JsonValueKind.True:
                    return true;
                case JsonValueKind.False:
                    return false;
                default:
                    return null;
            }
        }
    }
}
