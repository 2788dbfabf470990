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

        protected override void EndProcessing()
        {
            var change = OptionalFields();
            change.Name = Name;
            change.RowCount = RowCount;
            change.ColumnCount = ColumnCount;
            change.SampleType = SampleType;
            change.SampleInterval = SampleInterval;
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
