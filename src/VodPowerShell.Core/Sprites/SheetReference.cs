using System;
using System.Collections.Generic;
using System.Globalization;

namespace VodPowerShell.Core.Sprites
{
    /// <summary>
    /// Splits a cue payload such as <c>sprite-0.jpg#xywh=0,0,142,80</c> (or <c>?xywh=</c>, with or without the
    /// media-fragment <c>pixel:</c> unit) into the sheet reference and the rectangle.
    /// </summary>
    internal static class SheetReference
    {
        private const string Key = "xywh=";

        /// <summary>Null on success, else why the reference is unusable. <paramref name="xywh"/> is null when absent.</summary>
        public static string? TryParse(string reference, out string sheet, out int[]? xywh)
        {
            xywh = null;
            sheet = reference;
            string? value = null;

            int hash = reference.IndexOf('#');
            if (hash >= 0)
            {
                value = Take(reference.Substring(hash + 1), out _);
                sheet = reference.Substring(0, hash);
            }

            int question = sheet.IndexOf('?');
            if (question >= 0)
            {
                string? fromQuery = Take(sheet.Substring(question + 1), out string rest);
                value ??= fromQuery;
                sheet = rest.Length == 0 ? sheet.Substring(0, question) : sheet.Substring(0, question + 1) + rest;
            }

            if (sheet.Length == 0) return $"'{reference}' names no image.";
            if (value is null) return null;
            return TryParseRectangle(value, out xywh);
        }

        /// <summary>Takes the xywh value out of <c>a=1&amp;xywh=...</c>; <paramref name="rest"/> is what is left.</summary>
        private static string? Take(string parameters, out string rest)
        {
            string? value = null;
            var kept = new List<string>();
            foreach (string part in parameters.Split('&'))
            {
                if (part.StartsWith(Key, StringComparison.OrdinalIgnoreCase)) value = part.Substring(Key.Length);
                else if (part.Length > 0) kept.Add(part);
            }

            rest = string.Join("&", kept);
            return value;
        }

        private static string? TryParseRectangle(string value, out int[]? xywh)
        {
            xywh = null;
            string text = Uri.UnescapeDataString(value);
            if (text.StartsWith("pixel:", StringComparison.OrdinalIgnoreCase)) text = text.Substring("pixel:".Length);
            else if (text.StartsWith("percent:", StringComparison.OrdinalIgnoreCase)) return $"xywh '{value}' is in percent; only pixels are supported.";

            string[] parts = text.Split(',');
            var numbers = new int[4];
            if (parts.Length != 4) return $"xywh '{value}' must be four numbers x,y,w,h.";
            for (int n = 0; n < 4; n++)
            {
                if (!int.TryParse(parts[n].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out numbers[n]))
                {
                    return $"xywh '{value}' must be four whole numbers x,y,w,h.";
                }
            }

            if (numbers[2] == 0 || numbers[3] == 0) return $"xywh '{value}' has a zero width or height.";
            xywh = numbers;
            return null;
        }
    }
}
