using System;
using System.Globalization;

namespace VodPowerShell.Emulator.Domain
{
    /// <summary>
    /// Where a finished sprite's files are served, on the emulator's own listener like a CDN would serve them:
    /// <c>/_media/&lt;fileId&gt;/&lt;definition&gt;/sprite-&lt;n&gt;.&lt;format&gt;</c> (n from 1) and
    /// <c>/_media/&lt;fileId&gt;/&lt;definition&gt;/thumbnails.vtt</c>.
    /// </summary>
    public static class SpriteUrls
    {
        public const string Prefix = "/_media";
        public const string WebVttName = "thumbnails.vtt";
        public const string SheetPrefix = "sprite-";

        public static string Folder(Uri baseAddress, string fileId, int definition) =>
            FileRoot(baseAddress, fileId) + definition.ToString(CultureInfo.InvariantCulture) + "/";

        /// <summary>The media file's own URL (BasicInfo.MediaUrl); the emulator does not serve media, so it answers 404.</summary>
        public static string MediaUrl(Uri baseAddress, string fileId, string container) => FileRoot(baseAddress, fileId) + "f0." + container;

        private static string FileRoot(Uri baseAddress, string fileId) =>
            baseAddress.GetLeftPart(UriPartial.Authority) + Prefix + "/" + Uri.EscapeDataString(fileId) + "/";

        /// <summary>The sheet's name, relative to the folder: what the WebVTT cues point to.</summary>
        public static string SheetName(int sheetNumber, string format) =>
            SheetPrefix + sheetNumber.ToString(CultureInfo.InvariantCulture) + "." + format;

        /// <summary>The 1-based sheet number named by <paramref name="name"/> in <paramref name="format"/>, or 0.</summary>
        public static int ParseSheetName(string name, string format)
        {
            string suffix = "." + format;
            if (!name.StartsWith(SheetPrefix, StringComparison.Ordinal) || !name.EndsWith(suffix, StringComparison.Ordinal)) return 0;
            string digits = name[SheetPrefix.Length..^suffix.Length];
            return digits.Length > 0 && digits[0] != '0' && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int number) ? number : 0;
        }
    }
}
