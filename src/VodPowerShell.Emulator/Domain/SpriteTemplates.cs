using System;
using System.Collections.Generic;
using System.Linq;

namespace VodPowerShell.Emulator.Domain
{
    /// <summary>How thumbnails are spaced: every SampleInterval percent of the duration, or every SampleInterval seconds.</summary>
    public enum SpriteSampleType
    {
        Percent,
        Time,
    }

    /// <summary>
    /// A sprite template as the service describes it (ImageSpriteTemplate): <see cref="Rows"/> × <see cref="Columns"/> thumbnails
    /// per sheet, each at most <see cref="Width"/> × <see cref="Height"/> (0 = from the source), spaced by <see cref="SampleType"/>.
    /// Tasks keep the record they started with, so later edits never change a finished task's output.
    /// </summary>
    public sealed record SpriteTemplate(int Definition, SpriteSampleType SampleType, int SampleInterval, int Rows, int Columns, int Width, int Height)
    {
        public bool IsPreset { get; init; }

        public string Name { get; init; } = string.Empty;

        public string Comment { get; init; } = string.Empty;

        /// <summary>open: Width is the long side and Height the short one, so portrait sources get portrait thumbnails.</summary>
        public bool ResolutionAdaptive { get; init; } = true;

        /// <summary>stretch or black (letterbox) when the thumbnail's aspect differs from the source's.</summary>
        public string FillType { get; init; } = SpriteTemplateRules.DefaultFillType;

        /// <summary>jpg, png or webp: the sheets' format and file extension.</summary>
        public string Format { get; init; } = SpriteTemplateRules.DefaultFormat;

        public DateTimeOffset CreateTime { get; init; }

        public DateTimeOffset UpdateTime { get; init; }

        public int ThumbnailsPerSheet => Rows * Columns;
    }

    /// <summary>The account's templates: the presets (only definition 10 is published, docs/protocol.md §5.11) and up to 16 custom ones.</summary>
    public sealed class SpriteTemplateStore
    {
        /// <summary>Custom definitions are numbered from here, far from the presets.</summary>
        public const int FirstCustomDefinition = 100001;

        /// <summary>The preset every account has; its values are the ones the v2 reference documents.</summary>
        public static readonly IReadOnlyList<SpriteTemplate> Presets =
        [
            new SpriteTemplate(Definition: 10, SpriteSampleType.Time, SampleInterval: 10, Rows: 10, Columns: 10, Width: 142, Height: 80)
            {
                IsPreset = true,
                Name = "Preset 10: 142x80 every 10 s",
                ResolutionAdaptive = false,
                FillType = "stretch",
                CreateTime = new DateTimeOffset(2018, 7, 17, 0, 0, 0, TimeSpan.Zero),
                UpdateTime = new DateTimeOffset(2018, 7, 17, 0, 0, 0, TimeSpan.Zero),
            },
        ];

        private readonly object gate = new();
        private readonly SortedDictionary<int, SpriteTemplate> custom = new();
        private int nextDefinition = FirstCustomDefinition;

        /// <summary>Presets first, then custom templates by definition.</summary>
        public IReadOnlyList<SpriteTemplate> All
        {
            get
            {
                lock (gate) return [.. Presets, .. custom.Values];
            }
        }

        public bool TryGet(int definition, out SpriteTemplate template)
        {
            template = Presets.FirstOrDefault(p => p.Definition == definition)!;
            if (template != null) return true;
            lock (gate) return custom.TryGetValue(definition, out template!);
        }

        /// <summary>Adds a validated template under the next definition; null when the account already has the maximum.</summary>
        public SpriteTemplate? Add(SpriteTemplate draft, DateTimeOffset now)
        {
            lock (gate)
            {
                if (custom.Count >= SpriteTemplateRules.MaxCustomTemplates) return null;
                var template = draft with { Definition = nextDefinition++, IsPreset = false, CreateTime = now, UpdateTime = now };
                custom.Add(template.Definition, template);
                return template;
            }
        }

        /// <summary>Replaces a custom template (same definition); false when it does not exist.</summary>
        public bool Replace(SpriteTemplate template)
        {
            lock (gate)
            {
                if (!custom.ContainsKey(template.Definition)) return false;
                custom[template.Definition] = template;
                return true;
            }
        }

        public bool Remove(int definition)
        {
            lock (gate) return custom.Remove(definition);
        }
    }
}
