using System;
using System.Management.Automation;
using VodPowerShell.Core.Models;
using VodPowerShell.Core.Operations;

namespace VodPowerShell.Commands
{
    /// <summary>What the template cmdlets share: local validation as an InvalidTemplate error, and reading one template back.</summary>
    public abstract class ImageSpriteTemplateCmdlet : VodApiCmdlet
    {
        /// <summary>0 or 128–4096 px; 0 takes it from the video.</summary>
        [Parameter]
        public int? Width { get; set; }

        [Parameter]
        public int? Height { get; set; }

        /// <summary>jpg, png or webp.</summary>
        [Parameter]
        public string? Format { get; set; }

        /// <summary>stretch or black.</summary>
        [Parameter]
        public string? FillType { get; set; }

        /// <summary>open or close.</summary>
        [Parameter]
        public string? ResolutionAdaptive { get; set; }

        [Parameter]
        public string? Comment { get; set; }

        /// <summary>A change holding the optional fields both New and Set take; the caller adds the rest.</summary>
        internal ImageSpriteTemplateChange OptionalFields() => new ImageSpriteTemplateChange
        {
            Width = Width, Height = Height, Format = Format, FillType = FillType, ResolutionAdaptive = ResolutionAdaptive, Comment = Comment,
        };

        /// <summary>
        /// True when the change keeps the service's rules; otherwise writes an InvalidTemplate error whose
        /// target is the offending parameter's value, and nothing is sent.
        /// </summary>
        internal bool IsValid(ImageSpriteTemplateChange change)
        {
            var problem = ImageSpriteTemplateRules.Check(change);
            if (problem is null) return true;
            object target = MyInvocation.BoundParameters.TryGetValue(problem.Field, out object? value) && value != null ? value : change;
            WriteError(new ErrorRecord(new ArgumentException(problem.Message, problem.Field), "InvalidTemplate", ErrorCategory.InvalidArgument, target));
            return false;
        }

        /// <summary>The template as the service now describes it, or null after writing why not.</summary>
        internal ImageSpriteTemplate? DescribeOne(int definition)
        {
            var query = new ImageSpriteTemplateQuery { Definitions = new[] { definition }, Limit = 1 };
            var outcome = Await(Client.SendAsync(TemplateOperations.DescribeImageSpriteTemplates, query, CancellationToken));
            if (!outcome.IsSuccess)
            {
                WriteVodError(outcome.Error!, definition);
                return null;
            }

            return outcome.Value!.Items.Count > 0 ? outcome.Value.Items[0] : null;
        }
    }
}
