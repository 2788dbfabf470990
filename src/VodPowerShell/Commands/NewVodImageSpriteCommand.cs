using System.Management.Automation;
using VodPowerShell.Core.Models;
using VodPowerShell.Validation;

namespace VodPowerShell.Commands
{
    /// <summary>
    /// Starts image-sprite capture (CreateImageSprite) for every fileId it receives and emits one result per
    /// input. A failed file writes a non-terminating error and the pipeline goes on.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "VodImageSprite", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(ImageSpriteResult))]
    public sealed class NewVodImageSpriteCommand : VodApiCmdlet
    {
        public const int DefaultDefinition = 10;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateFileId]
        public string[] FileId { get; set; } = System.Array.Empty<string>();

        /// <summary>The image sprite template; 10 is the one preset template.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, int.MaxValue)]
        public int Definition { get; set; } = DefaultDefinition;

        protected override void ProcessRecord()
        {
            foreach (string fileId in FileId)
            {
                if (!ShouldProcess(fileId, $"Create image sprite with definition {Definition}")) continue;

                ImageSpriteResult result = Client.CreateImageSpriteAsync(fileId, Definition, CancellationToken).GetAwaiter().GetResult();
                WriteObject(result);
                if (result.Error != null) WriteVodError(result.Error, fileId);
            }
        }
    }
}
