using System.Text.Json;
using VodPowerShell.Core.Models;

namespace VodPowerShell.Core.Protocol
{
    /// <summary>
    /// A sprite outcome under either version's field names (<see cref="SpriteFieldNames"/>): v2's task and event
    /// <c>data</c> object (docs/protocol.md §5.2, §9.2), API 3.0's CreateImageSpriteTask and
    /// CreateImageSpriteCompleteEvent objects (§9.3).
    /// </summary>
    internal static class SpriteReader
    {
        public static void Read(JsonElement body, SpriteOutput target, SpriteFieldNames names)
        {
            target.ErrorCode = JsonRead.Int(body, names.ErrorCode);
            target.ErrorMessage = EmptyToNull(JsonRead.String(body, names.Message));
            target.TaskId = JsonRead.String(body, names.TaskId) ?? target.TaskId;
            target.FileId = JsonRead.String(body, names.FileId) ?? target.FileId;
            target.Definition = JsonRead.Int(body, names.Definition);
            target.TotalCount = JsonRead.Int(body, names.TotalCount);
            target.ImageSpriteUrls = JsonRead.StringArray(body, names.ImageSpriteUrls);
            target.WebVttUrl = EmptyToNull(JsonRead.String(body, names.WebVttUrl));
        }

        /// <summary>Success messages ("SUCCESS") are not error messages.</summary>
        public static void SetOutcome(SpriteOutput target, int? errorCode, string? message)
        {
            target.ErrorCode = errorCode;
            target.ErrorMessage = errorCode.GetValueOrDefault() == 0 ? null : EmptyToNull(message);
        }

        public static string? EmptyToNull(string? value) => string.IsNullOrEmpty(value) ? null : value;
    }
}
