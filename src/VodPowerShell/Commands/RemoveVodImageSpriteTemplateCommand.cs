using System;
using System.Globalization;
using System.Management.Automation;
using VodPowerShell.Completion;
using VodPowerShell.Core.Operations;

namespace VodPowerShell.Commands
{
    /// <summary>
    /// Deletes custom image sprite templates (API 3.0 DeleteImageSpriteTemplate). Asks first unless -Force or
    /// -Confirm:$false; presets cannot be deleted. Binds Definition from Get-VodImageSpriteTemplate's output.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "VodImageSpriteTemplate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    public sealed class RemoveVodImageSpriteTemplateCommand : VodApiCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(DefinitionCompleter))]
        public int[] Definition { get; set; } = Array.Empty<int>();

        /// <summary>Deletes without asking (-WhatIf still only reports).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        private bool IsWhatIf =>
            (MyInvocation.BoundParameters.TryGetValue("WhatIf", out object? whatIf) && whatIf is SwitchParameter given)
                ? given.IsPresent
                : LanguagePrimitives.IsTrue(SessionState.PSVariable.GetValue("WhatIfPreference"));

        protected override void ProcessRecord()
        {
            foreach (int definition in Definition)
            {
                // -Force skips the prompt that ConfirmImpact High raises, but never -WhatIf.
                if ((!Force || IsWhatIf) && !ShouldProcess(definition.ToString(CultureInfo.InvariantCulture), "Delete image sprite template")) continue;
                var outcome = Await(Client.SendAsync(TemplateOperations.DeleteImageSpriteTemplate, definition, CancellationToken));
                if (!outcome.IsSuccess) WriteVodError(outcome.Error!, definition);
            }
        }
    }
}
