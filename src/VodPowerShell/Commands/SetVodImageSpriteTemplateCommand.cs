using System.Management.Automation;
using VodPowerShell.Completion;
using VodPowerShell.Core.Models;
using VodPowerShell.Core.Operations;

namespace VodPowerShell.Commands
{
    /// <summary>
    /// Changes a custom image sprite template (API 3.0 ModifyImageSpriteTemplate); parameters left out keep
    /// their value. Presets cannot be changed. -PassThru outputs the template as it now is.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "VodImageSpriteTemplate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ImageSpriteTemplate))]
    public sealed class SetVodImageSpriteTemplateCommand : ImageSpriteTemplateCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(DefinitionCompleter))]
        public int Definition { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        [Parameter]
        public int? RowCount { get; set; }

        [Parameter]
        public int? ColumnCount { get; set; }

        [Parameter]
        public string? SampleType { get; set; }

        [Parameter]
        public int? SampleInterval { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var change = OptionalFields();
            change.Definition = Definition;
            change.Name = Name;
            change.RowCount = RowCount;
            change.ColumnCount = ColumnCount;
            change.SampleType = SampleType;
            change.SampleInterval = SampleInterval;
            if (!IsValid(change)) return;
            if (!ShouldProcess(Definition.ToString(System.Globalization.CultureInfo.InvariantCulture), "Modify image sprite template")) return;

            var outcome = Await(Client.SendAsync(TemplateOperations.ModifyImageSpriteTemplate, change, CancellationToken));
            if (!outcome.IsSuccess)
            {
                WriteVodError(outcome.Error!, Definition);
                return;
            }

            if (PassThru && DescribeOne(Definition) is { } changed) WriteObject(changed);
        }
    }
}
