using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using VodPowerShell.Emulator.Domain;

namespace VodPowerShell.Emulator.Protocol.V3
{
    /// <summary>
    /// DescribeImageSpriteTemplates, CreateImageSpriteTemplate, ModifyImageSpriteTemplate and DeleteImageSpriteTemplate
    /// (see docs/protocol.md). A rejected value answers InvalidParameterValue.&lt;Field&gt; with the rule in the message;
    /// presets can be read but not changed.
    /// </summary>
    public sealed class V3TemplateActions
    {
        public const string TooManyTemplatesCode = "LimitExceeded.TooMuchTemplate";
        public const string TemplateNotFoundCode = "ResourceNotFound.TemplateNotExist";
        public const string ModifyPresetCode = "InvalidParameterValue.ModifyDefaultTemplate";
        public const string DeletePresetCode = "InvalidParameterValue.DeleteDefaultTemplate";
        public const int MaxDescribeLimit = 100;
        public const int DefaultDescribeLimit = 10;

        private readonly VodService service;

        public V3TemplateActions(VodService service) => this.service = service;

        public V3Reply Describe(JsonElement body)
        {
            var fields = new V3FieldReader(body);
            var definitions = fields.Longs("Definitions", MaxDescribeLimit);
            string? type = fields.String("Type");
            int offset = fields.Int("Offset") ?? 0;
            int limit = fields.Int("Limit") ?? DefaultDescribeLimit;
            if (fields.Error is { } error) return error;
            if (type is not (null or "Preset" or "Custom")) return Invalid("Type", $"Type must be Preset or Custom, not '{type}'.");
            if (offset < 0) return V3Reply.Error(V3MediaActions.OffsetCode, $"Offset must be 0 or more, not {offset}.");
            if (limit is < 1 or > MaxDescribeLimit) return V3Reply.Error(V3ErrorCodes.InvalidLimit, $"Limit must be between 1 and {MaxDescribeLimit}, not {limit}.");

            var matches = service.Templates.All
                .Where(t => definitions.Count == 0 || definitions.Contains(t.Definition))
                .Where(t => type is null || t.IsPreset == (type == "Preset"))
                .ToList();
            var page = matches.Skip(offset).Take(limit).ToList();
            return V3Reply.Success((matches.Count, page), static (json, state) =>
            {
                json.WriteNumber("TotalCount", state.Count);
                json.WriteStartArray("ImageSpriteTemplateSet");
                foreach (var template in state.page) Write(json, template);
                json.WriteEndArray();
            });
        }

        public V3Reply Create(JsonElement body)
        {
            foreach (string required in new[] { "SampleType", "SampleInterval", "RowCount", "ColumnCount" })
            {
                if (!body.TryGetProperty(required, out var value) || value.ValueKind == JsonValueKind.Null) return V3Reply.MissingParameter(required);
            }

            var draft = new SpriteTemplate(0, SpriteSampleType.Time, 0, 0, 0, 0, 0);
            if (Apply(body, draft, out draft) is { } error) return error;
            var template = service.Templates.Add(draft, service.Now);
            if (template is null)
            {
                return V3Reply.Error(TooManyTemplatesCode, $"An account holds at most {SpriteTemplateRules.MaxCustomTemplates} custom sprite templates; delete one first.");
            }

            return V3Reply.Success(template.Definition, static (json, definition) => json.WriteNumber(V3Names.Definition, definition));
        }

        public V3Reply Modify(JsonElement body)
        {
            if (Existing(body, ModifyPresetCode, "modified", out var current) is { } error) return error;
            if (Apply(body, current!, out var changed) is { } invalid) return invalid;
            service.Templates.Replace(changed with { UpdateTime = service.Now });
            return V3Reply.Success(0, static (_, _) => { });
        }

        public V3Reply Delete(JsonElement body)
        {
            if (Existing(body, DeletePresetCode, "deleted", out var current) is { } error) return error;
            service.Templates.Remove(current!.Definition);
            return V3Reply.Success(0, static (_, _) => { });
        }

        /// <summary>The custom template named by Definition, or why there is none to change.</summary>
        private V3Reply? Existing(JsonElement body, string presetCode, string verb, out SpriteTemplate? template)
        {
            template = null;
            if (!body.TryGetProperty(V3Names.Definition, out var given) || given.ValueKind == JsonValueKind.Null) return V3Reply.MissingParameter(V3Names.Definition);
            var fields = new V3FieldReader(body);
            int definition = fields.Int(V3Names.Definition) ?? 0;
            if (fields.Error is { } error) return error;
            if (!service.Templates.TryGet(definition, out var found)) return V3Reply.Error(TemplateNotFoundCode, $"Sprite template {definition} does not exist.");
            if (found.IsPreset) return V3Reply.Error(presetCode, $"Sprite template {definition} is a preset and cannot be {verb}.");
            template = found;
            return null;
        }

        /// <summary>Overlays the body's fields on <paramref name="current"/> and checks the result against the service's rules.</summary>
        private static V3Reply? Apply(JsonElement body, SpriteTemplate current, out SpriteTemplate changed)
        {
            changed = current;
            var fields = new V3FieldReader(body);
            string? sampleType = fields.String("SampleType"), resolution = fields.String("ResolutionAdaptive");
            string? fillType = fields.String("FillType"), format = fields.String("Format");
            var template = current with
            {
                SampleInterval = fields.Int("SampleInterval") ?? current.SampleInterval,
                Rows = fields.Int("RowCount") ?? current.Rows,
                Columns = fields.Int("ColumnCount") ?? current.Columns,
                Width = fields.Int("Width") ?? current.Width,
                Height = fields.Int("Height") ?? current.Height,
                Name = fields.String("Name") ?? current.Name,
                Comment = fields.String("Comment") ?? current.Comment,
            };
            if (fields.Error is { } error) return error;

            if (sampleType != null)
            {
                if (!SpriteTemplateRules.TryParseSampleType(sampleType, out var parsed)) return Invalid("SampleType", $"SampleType must be Percent or Time, not '{sampleType}'.");
                template = template with { SampleType = parsed };
            }

            if (format != null)
            {
                if (!SpriteTemplateRules.Formats.Contains(format)) return Invalid("Format", $"Format must be jpg, png or webp, not '{format}'.");
                template = template with { Format = format };
            }

            if (fillType != null)
            {
                if (!SpriteTemplateRules.FillTypes.Contains(fillType)) return Invalid("FillType", $"FillType must be stretch or black, not '{fillType}'.");
                template = template with { FillType = fillType };
            }

            if (resolution != null)
            {
                if (!SpriteTemplateRules.TryParseResolutionAdaptive(resolution, out bool open)) return Invalid("ResolutionAdaptive", $"ResolutionAdaptive must be open or close, not '{resolution}'.");
                template = template with { ResolutionAdaptive = open };
            }

            if (SpriteTemplateRules.Check(template) is { } problem) return Invalid(problem.Field, problem.Message);
            changed = template;
            return null;
        }

        private static V3Reply Invalid(string field, string message) => V3Reply.Error(V3ErrorCodes.InvalidParameterValue + "." + field, message);

        private static void Write(Utf8JsonWriter json, SpriteTemplate template)
        {
            json.WriteStartObject();
            json.WriteNumber(V3Names.Definition, template.Definition);
            json.WriteString("Type", template.IsPreset ? "Preset" : "Custom");
            json.WriteString("Name", template.Name);
            json.WriteString("Comment", template.Comment);
            json.WriteNumber("Width", template.Width);
            json.WriteNumber("Height", template.Height);
            json.WriteString("ResolutionAdaptive", SpriteTemplateRules.ResolutionAdaptiveName(template.ResolutionAdaptive));
            json.WriteString("SampleType", template.SampleType.ToString());
            json.WriteNumber("SampleInterval", template.SampleInterval);
            json.WriteNumber("RowCount", template.Rows);
            json.WriteNumber("ColumnCount", template.Columns);
            json.WriteString("CreateTime", V3MediaJson.Iso(template.CreateTime));
            json.WriteString("UpdateTime", V3MediaJson.Iso(template.UpdateTime));
            json.WriteString("FillType", template.FillType);
            json.WriteString("Format", template.Format);
            json.WriteEndObject();
        }
    }
}
