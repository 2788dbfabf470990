using System.Collections.Generic;

namespace VodPowerShell.Emulator.Domain
{
    /// <summary>A sprite template: one thumbnail every <see cref="IntervalSeconds"/>, <see cref="Rows"/> × <see cref="Columns"/> per sheet.</summary>
    public sealed record SpriteTemplate(int Definition, int IntervalSeconds, int Rows, int Columns, int Width, int Height)
    {
        public int ThumbnailsPerSheet => Rows * Columns;
    }

    /// <summary>The one list of sprite templates the service knows (docs/protocol.md §5.11: only definition 10 is published).</summary>
    public static class SpriteTemplates
    {
        private static readonly Dictionary<int, SpriteTemplate> Known = new()
        {
            [10] = new SpriteTemplate(Definition: 10, IntervalSeconds: 10, Rows: 10, Columns: 10, Width: 142, Height: 80),
        };

        public static IReadOnlyCollection<SpriteTemplate> All => Known.Values;

        public static bool TryGet(int definition, out SpriteTemplate template) => Known.TryGetValue(definition, out template!);
    }
}
