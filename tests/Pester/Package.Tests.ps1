# The built module publishes as a gallery package to a local file repository (what ./build.ps1 Package does),
# installs from it into a temporary folder and works from there in a fresh pwsh.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    $script:emulator = Start-TestEmulator
    $script:feed = Join-Path $TestDrive 'feed'
    $script:installed = Join-Path $TestDrive 'installed'
    $null = New-Item -ItemType Directory -Path $feed, $installed
    # A unique temporary registration, removed in AfterAll: the user's own repositories are left alone.
    $script:repository = 'VodPowerShellTest-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
    Register-PSResourceRepository -Name $repository -Uri $feed -Trusted
}

AfterAll {
    Unregister-PSResourceRepository -Name $repository -ErrorAction SilentlyContinue
    $script:emulator | Stop-TestEmulator
}

Describe 'The gallery package' {
    It 'publishes to a local repository as a versioned nupkg with the manifest''s metadata' {
        Publish-PSResource -Path $env:VODPS_TEST_MODULE -Repository $repository
        # Test-ModuleManifest: the manifest picks its build with $PSEdition, which Import-PowerShellDataFile refuses.
        $version = (Test-ModuleManifest (Join-Path $env:VODPS_TEST_MODULE 'VodPowerShell.psd1')).Version.ToString()
        Join-Path $feed "VodPowerShell.$version.nupkg" | Should -Exist

        $found = Find-PSResource -Name VodPowerShell -Repository $repository
        $found.Version.ToString() | Should -Be $version
        $found.ProjectUri | Should -Not -BeNullOrEmpty
        $found.ReleaseNotes | Should -Not -Be 'See CHANGELOG.md.'
        @($found.Includes.Cmdlet) | Should -Contain 'New-VodImageSprite'
    }

    It 'installs into a temporary folder and runs there, offline and against the emulator' {
        Save-PSResource -Name VodPowerShell -Repository $repository -Path $installed -TrustRepository
        $manifest = Get-ChildItem $installed -Recurse -Filter VodPowerShell.psd1 | Select-Object -First 1
        $manifest | Should -Not -BeNullOrEmpty
        # Both builds travel in the one package: Core/ (net8.0) for PowerShell 7.4+, Desktop/ (netstandard2.0) for
        # Windows PowerShell.
        Join-Path $manifest.DirectoryName 'Core/dependencies/VodPowerShell.Core.dll' | Should -Exist
        Join-Path $manifest.DirectoryName 'Desktop/dependencies/VodPowerShell.Core.dll' | Should -Exist
        Join-Path $manifest.DirectoryName 'en-US/VodPowerShell.dll-Help.xml' | Should -Exist

        $report = Invoke-ChildPowerShell -Environment @{
            VODPS_CHILD_MODULE = $manifest.FullName; VODPS_CHILD_ENDPOINT = $emulator.Endpoint
            VODPS_CHILD_ID = $emulator.SecretId; VODPS_CHILD_KEY = $emulator.SecretKey
        } -Script @'
$ErrorActionPreference = 'Stop'
Import-Module $env:VODPS_CHILD_MODULE
$event = '{"version":"4.0","eventType":"CreateImageSpriteComplete","data":{"status":0,"message":"","vodTaskId":"CreateImageSprite-1","fileId":"1","definition":10,"totalCount":1,"imageSpriteUrl":["http://x/1.png"],"webVttUrl":"http://x/x.vtt"}}' | ConvertFrom-VodEvent
$credential = [pscredential]::new($env:VODPS_CHILD_ID, (ConvertTo-SecureString $env:VODPS_CHILD_KEY -AsPlainText -Force))
$result = New-VodImageSprite -FileId 'from-package' -Endpoint $env:VODPS_CHILD_ENDPOINT -Credential $credential -ApiVersion V2
@{ Base = (Get-Module VodPowerShell).ModuleBase; Build = Split-Path -Leaf (Split-Path -Parent (Get-Module VodPowerShell).Path); EventType = $event.EventType; Status = [string]$result.Status; Synopsis = (Get-Help New-VodImageSprite).Synopsis } | ConvertTo-Json -Compress
'@
        $report.Base | Should -BeLike "$installed*"
        $report.Build | Should -Be 'Core'
        $report.EventType | Should -Be 'CreateImageSpriteComplete'
        $report.Status | Should -Be 'Submitted'
        $report.Synopsis | Should -BeLike 'Starts image-sprite capture*'
    }
}
