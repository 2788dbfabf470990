BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-ModuleUnderTest
}

Describe 'The built module' {
    It 'exports exactly the documented cmdlets and nothing else' {
        $module = Get-Module VodPowerShell
        @($module.ExportedCmdlets.Keys | Sort-Object) | Should -Be @('Confirm-VodEvent', 'ConvertFrom-VodEvent', 'Get-VodCredential', 'Get-VodTask', 'Invoke-VodApi', 'New-VodImageSprite', 'Receive-VodEvent', 'Remove-VodCredential', 'Set-VodCredential', 'Wait-VodTask')
        $module.ExportedFunctions.Count | Should -Be 0
        $module.ExportedAliases.Count | Should -Be 0
        $module.ExportedVariables.Count | Should -Be 0
    }

    It 'carries the version of Directory.Build.props' {
        $props = [xml](Get-Content -Raw (Join-Path $PSScriptRoot '../../Directory.Build.props'))
        (Get-Module VodPowerShell).Version.ToString() | Should -Be ([string]$props.Project.PropertyGroup.VersionPrefix)
    }

    It 'ships a table view for the results' {
        $view = Get-FormatData -TypeName 'VodPowerShell.Core.Models.ImageSpriteResult'
        $view | Should -Not -BeNullOrEmpty
        $view.FormatViewDefinition[0].Control.GetType().Name | Should -Be 'TableControl'
    }

    It 'does not ship System.Management.Automation' {
        Join-Path $env:VODPS_TEST_MODULE 'System.Management.Automation.dll' | Should -Not -Exist
    }
}
