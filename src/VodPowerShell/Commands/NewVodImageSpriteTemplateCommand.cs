using System.Management.Automation;
using VodPowerShell.Core.Models;
using VodPowerShell.Core.Operations;

namespace VodPowerShell.Commands
{
    /// <summary>
    /// Creates a custom image sprite template (API 3.0 CreateImageSpriteTemplate) after checking it against the
    /// service's rules, and outputs it as the service describes it, Definition included.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "VodImageSpriteTemplate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(ImageSpriteTemplate))]
    public sealed class NewVodImageSpriteTemplateCommand : ImageSpriteTemplateCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = string.Empty;

        [Parameter(Mandatory = true)]
        public int RowCount { get; set; }

        [Parameter(Mandatory = true)]
        public int ColumnCount { get; set; }

        /// <summary>Percent (SampleInterval is a percentage of the duration) or Time (seconds).</summary>
        [Parameter(Mandatory = true)]
        public string SampleType { get; set; } = string.Empty;

        [Parameter(Mandatory = true)]
        public int SampleInterval { get; set; }

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

        protected override void EndProcessing()
        {
            var change = new ImageSpriteTemplateChange
            {
                Name = Name, RowCount = RowCount, ColumnCount = ColumnCount, SampleType = SampleType, SampleInterval = SampleInterval,
                Width = Width, Height = Height, Format = Format, FillType = FillType, ResolutionAdaptive = ResolutionAdaptive, Comment = Comment,
            };
            if (!IsValid(change)) return;
            if (!ShouldProcess(Name, $"Create image sprite template ({ColumnCount}×{RowCount}, {change.SampleType} {SampleInterval})")) return;

            var outcome = Await(Client.SendAsync(TemplateOperations.CreateImageSpriteTemplate, change, CancellationToken));
            if (!outcome.IsSuccess)
            {
                WriteVodError(outcome.Error!, Name);
                return;
            }

            // Describe it back so the output carries what the service filled in (defaults, times).
            if (DescribeOne(outcome.Value) is { } created) WriteObject(created);
        }
    }
}
