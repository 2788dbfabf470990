using System;
using System.Management.Automation;
using VodPowerShell.Completion;
using VodPowerShell.Core.Models;
using VodPowerShell.Core.Operations;

namespace VodPowerShell.Commands
{
    /// <summary>
    /// Lists the account's image sprite templates, presets and custom ones (API 3.0 DescribeImageSpriteTemplates),
    /// every page, or those of the given definitions.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "VodImageSpriteTemplate")]
    [OutputType(typeof(ImageSpriteTemplate))]
    public sealed class GetVodImageSpriteTemplateCommand : VodApiCmdlet
    {
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(DefinitionCompleter))]
        public int[] Definition { get; set; } = Array.Empty<int>();

        [Parameter]
        [ValidateSet("Preset", "Custom")]
        public string? Type { get; set; }

        protected override void ProcessRecord()
        {
            var pages = Client.Pages(TemplateOperations.DescribeImageSpriteTemplatePages,
                new ImageSpriteTemplateQuery { Definitions = Definition, Type = Type, Limit = TemplateOperations.MaxDescribeLimit });
            while (Await(pages.NextPageAsync(CancellationToken)) is { } page)
            {
                if (!page.IsSuccess)
                {
                    ThrowTerminatingError(Errors.ErrorRecordFactory.Create(page.Error!, Definition));
                }

                foreach (var template in page.Value!) WriteObject(template);
            }
        }
    }
}
