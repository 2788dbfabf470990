@{
    # One build per edition, in a folder named after it: Core/ (net8.0, compiled ReadyToRun) for PowerShell 7.4+,
    # Desktop/ (netstandard2.0) for Windows PowerShell 5.1. $PSEdition is one of the few variables a manifest may
    # read; a string, not an if statement, because PowerShell compiles a manifest that has statements, and that
    # cost 12 to 37 ms of every import (README). Test-ModuleManifest reads this file; Import-PowerShellDataFile
    # cannot.
    # Its module initializer hooks assembly resolution, so VodPowerShell.Core and its libraries load from the
    # dependencies/ folder beside it, in the module's own load context (no nested loader module: one import less).
    RootModule           = "$PSEdition/VodPowerShell.dll"
    ModuleVersion        = '0.1.0'
    GUID                 = '6f0f3a57-2f1e-4b7a-9a44-3c1f8d6f2b10'
    Author               = 'VodPowerShell contributors'
    CompanyName          = 'VodPowerShell contributors'
    Copyright            = '(c) VodPowerShell contributors. MIT License.'
    Description          = 'Tencent Cloud VOD image-sprite capture from PowerShell: submit CreateImageSprite for pipelines of fileIds and follow the tasks to the finished sprites.'
    # 5.1 for Desktop; Core/ needs .NET 8, so PowerShell 7.4 or later (README: "Two builds, one module").
    PowerShellVersion    = '5.1'
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
