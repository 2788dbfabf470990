using System;
using System.Collections.Generic;

namespace VodPowerShell.Core.Http
{
    /// <summary>
    /// v2 takes short region names (bj, gz, sh, hk, ca; docs/protocol.md §1.2) while API 3.0 and
    /// TENCENTCLOUD_REGION use long ones (ap-guangzhou). Either is accepted and sent as the API expects.
    /// </summary>
    public static class RegionNames
    {
        private static readonly Dictionary<string, string> LongToShort = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["ap-beijing"] = "bj",
            ["ap-guangzhou"] = "gz",
            ["ap-shanghai"] = "sh",
            ["ap-hongkong"] = "hk",
            ["na-toronto"] = "ca",
        };

        /// <summary>Every region name Tencent lists (docs/protocol.md §1.2), with its other spelling, for completion and help.</summary>
        public static IEnumerable<KeyValuePair<string, string>> Known
        {
            get
            {
                foreach (var pair in LongToShort)
                {
                    yield return new KeyValuePair<string, string>(pair.Key, $"v2 name: {pair.Value}");
                    yield return new KeyValuePair<string, string>(pair.Value, $"API 3.0 name: {pair.Key}");
                }
            }
        }

        /// <summary>The API 3.0 name for <paramref name="region"/>; names it does not know pass through unchanged.</summary>
        public static string ToV3(string region)
        {
            string trimmed = region.Trim();
            foreach (var pair in LongToShort)
            {
                if (string.Equals(pair.Value, trimmed, StringComparison.OrdinalIgnoreCase)) return pair.Key;
            }

            return trimmed;
        }

        /// <summary>The v2 name for <paramref name="region"/>; names it does not know pass through unchanged.</summary>
        public static string ToV2(string region) =>
            LongToShort.TryGetValue(region.Trim(), out var shortName) ? shortName : region.Trim();
    }
}
