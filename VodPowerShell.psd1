@{
    # One build per runtime: net8.0 (compiled ReadyToRun) for PowerShell 7.4+, netstandard2.0 for Windows
    # PowerShell 5.1. $PSEdition is one of the few variables a manifest may read; Test-ModuleManifest reads
    # this file, Import-PowerShellDataFile cannot.
    RootModule           = if ($PSEdition -eq 'Core') { 'net8.0/VodPowerShell.dll' } else { 'netstandard2.0/VodPowerShell.dll' }
    # Loaded before the root module: it hooks assembly resolution so VodPowerShell.Core and its libraries load
    # from the dependencies/ folder beside it, in the module's own load context.
    NestedModules        = if ($PSEdition -eq 'Core') { @('net8.0/VodPowerShell.Loader.dll') } else { @('netstandard2.0/VodPowerShell.Loader.dll') }
    ModuleVersion        = '0.1.0'
    GUID                 = '6f0f3a57-2f1e-4b7a-9a44-3c1f8d6f2b10'
    Author               = 'VodPowerShell contributors'
    CompanyName          = 'VodPowerShell contributors'
    Copyright            = '(c) VodPowerShell contributors. MIT License.'
    Description          = 'Tencent Cloud VOD image-sprite capture from PowerShell: submit CreateImageSprite for pipelines of fileIds and follow the tasks to the finished sprites.'
    # The net8.0 build needs .NET 8, so PowerShell 7.4; 7.0 to 7.3 get a clear "requires 7.4" at import.
    PowerShellVersion    = if ($PSEdition -eq 'Core') { '7.4' } else { '5.1' }
    CompatiblePSEditions = @('Desktop', 'Core')
    FormatsToProcess     = @('VodPowerShell.format.ps1xml')
    CmdletsToExport      = @(
        'Set-VodCredential'
        'Get-VodCredential'
        'Remove-VodCredential'
        'New-VodImageSprite'
        'Get-VodTask'
        'Get-VodMediaInfo'
        'Find-VodMedia'
        'Get-VodImageSpriteTemplate'
        'New-VodImageSpriteTemplate'
        'Set-VodImageSpriteTemplate'
        'Remove-VodImageSpriteTemplate'
        'Wait-VodTask'
        'Receive-VodEvent'
        'Confirm-VodEvent'
        'ConvertFrom-VodEvent'
        'Invoke-VodApi'
        'Save-VodImageSprite'
        'Get-VodSpriteThumbnail'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('Tencent', 'TencentCloud', 'VOD', 'ImageSprite', 'Video', 'Cloud')
            LicenseUri   = 'https://opensource.org/licenses/MIT'
            # Placeholder until the project has its public home.
            ProjectUri   = 'https://github.com/vodpowershell/VodPowerShell'
            # The build replaces this with the CHANGELOG.md section of ModuleVersion.
            ReleaseNotes = 'See CHANGELOG.md.'
        }
    }
}
