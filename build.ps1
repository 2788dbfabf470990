#Requires -Version 7.2
<#
.SYNOPSIS
    Builds, tests, demonstrates and benchmarks VodPowerShell.
.DESCRIPTION
    Run through the pinned local PowerShell so a machine with only the .NET SDK is enough:
        dotnet tool restore && dotnet pwsh -NoProfile ./build.ps1 <Task>
    Tasks:
        Build     Compile the solution and assemble the importable module in out/VodPowerShell.
        Test      Build, then run every xunit and Pester test and the interop suite (Tencent's Node.js SDK, from npm,
                  against the emulator); the last line is 'N passed, N failed'.
        Demo      Build, start the emulator on a free port, pipe fileIds through New-VodImageSprite.
        Emulator  Build, then run the emulator in the foreground (Ctrl+C stops it). Extra --options pass through.
        Bench     Build, then run the benchmarks.
        Package   Build, then put in out/packages (a local file repository) the module's gallery-ready .nupkg and
                  the emulator as a .NET tool (dotnet tool install -g VodPowerShell.Emulator --add-source out/packages).
        Clean     Remove out/ and every bin/ and obj/.
.EXAMPLE
    dotnet pwsh -NoProfile ./build.ps1 Emulator -Port 5000 --quota-rate 10
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('Build', 'Test', 'Demo', 'Emulator', 'Bench', 'Package', 'Clean')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Emulator: the port to listen on (0 picks a free one).
    [int] $Port = 0,

    # Emulator: the credential it accepts (defaults are the emulator's documented ones).
    [string] $SecretId,
    [string] $SecretKey,

    # Emulator: any further --option of the emulator, passed through unchanged.
    [Parameter(ValueFromRemainingArguments)]
    [string[]] $EmulatorArgument = @()
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
# Logs (CI, redirected output) get plain text instead of ANSI colour codes.
if ([Console]::IsOutputRedirected) { $PSStyle.OutputRendering = 'PlainText' }

$Root = $PSScriptRoot
$Out = Join-Path $Root 'out'
$ModuleOut = Join-Path $Out 'VodPowerShell'
$EmulatorOut = Join-Path $Out 'emulator'
$EmulatorDll = Join-Path $EmulatorOut 'VodPowerShell.Emulator.dll'
$TestResults = Join-Path $Out 'TestResults'
# The module's builds (see Invoke-Build), each in the folder of the PowerShell edition that loads it; the runtime
# net8.0 is compiled ReadyToRun for is set in Directory.Build.props.
$ModuleFrameworks = [ordered]@{ 'net8.0' = 'Core'; 'netstandard2.0' = 'Desktop' }
Import-Module (Join-Path $Root 'build/EmulatorProcess.psm1') -Force

function Invoke-Dotnet {
    # A simple function on purpose: its arguments reach dotnet untouched (-v q is not -Verbose).
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE." }
}

function Get-BuildProperty([string] $Name) {
    # A property set once in Directory.Build.props, so the build and the projects read the same value.
    $props = [xml](Get-Content -Raw (Join-Path $Root 'Directory.Build.props'))
    return [string]@($props.Project.PropertyGroup | ForEach-Object { $_[$Name] } | Where-Object { $_ })[0].InnerText
}

function Get-ProjectVersion { Get-BuildProperty 'VersionPrefix' }

function Set-ReleaseNote {
    # The shipped manifest's release notes are the CHANGELOG.md section of this version: one place for them.
    param([string] $ManifestPath)
    $version = Get-ProjectVersion
    $changelog = Get-Content -Raw (Join-Path $Root 'CHANGELOG.md')
    $section = [regex]::Match($changelog, "(?ms)^## \[$([regex]::Escape($version))\][^\n]*\n(.*?)(?=^## \[|\z)")
    if (-not $section.Success) { throw "CHANGELOG.md has no section for $version." }
    $notes = $section.Groups[1].Value.Trim().Replace("'", "''")
    $manifest = Get-Content -Raw $ManifestPath
    Set-Content -LiteralPath $ManifestPath -NoNewline -Value $manifest.Replace("ReleaseNotes = 'See CHANGELOG.md.'", "ReleaseNotes = '$notes'")
}

function Invoke-Build {
    Invoke-Dotnet build (Join-Path $Root 'VodPowerShell.sln') -c $Configuration --nologo -v q

    # The module: one folder per edition, each with the cmdlet assembly, and the engine and every library it needs
    # in dependencies/ (loaded by the module's own load context, see src/VodPowerShell/Loading);
    # the manifest at the root picks the folder by $PSEdition (Core/: net8.0 for PowerShell 7.4+, Desktop/:
    # netstandard2.0 for Windows PowerShell 5.1), formats and help beside it.
    if (Test-Path $ModuleOut) { Remove-Item $ModuleOut -Recurse -Force }
    foreach ($framework in $ModuleFrameworks.Keys) {
        $binaries = Join-Path $Out "publish/$framework"
        if (Test-Path $binaries) { Remove-Item $binaries -Recurse -Force }
        # net8.0 publishes ReadyToRun for one runtime (Directory.Build.props); netstandard2.0 as plain IL.
        $runtime = if ($framework -eq 'net8.0') { @('-r', (Get-BuildProperty 'ModuleReadyToRunRuntime')) } else { @() }
        Invoke-Dotnet publish (Join-Path $Root 'src/VodPowerShell/VodPowerShell.csproj') -c $Configuration -f $framework @runtime --nologo -v q -o $binaries
        $target = Join-Path $ModuleOut $ModuleFrameworks[$framework]
        $dependencies = Join-Path $target 'dependencies'
        $null = New-Item -ItemType Directory -Path $dependencies
        Copy-Item (Join-Path $binaries 'VodPowerShell.dll') $target
        Copy-Item (Join-Path $binaries '*.dll') $dependencies -Exclude 'VodPowerShell.dll'
    }
    Copy-Item (Join-Path $Root 'VodPowerShell.psd1') $ModuleOut
    Copy-Item (Join-Path $Root 'src/VodPowerShell/Formats/*.ps1xml') $ModuleOut

    Set-ReleaseNote (Join-Path $ModuleOut 'VodPowerShell.psd1')
    # Test-ModuleManifest, not Import-PowerShellDataFile: the manifest chooses its folder with $PSEdition.
    $manifestVersion = (Test-ModuleManifest (Join-Path $ModuleOut 'VodPowerShell.psd1')).Version.ToString()
    if ($manifestVersion -ne (Get-ProjectVersion)) {
        throw "VodPowerShell.psd1 says $manifestVersion but Directory.Build.props says $(Get-ProjectVersion); keep one version."
    }

    # Help: MAML and about-topic text generated from docs/en-US (see build/New-ExternalHelp.ps1).
    & (Join-Path $Root 'build/New-ExternalHelp.ps1') -ModulePath $ModuleOut -DocsPath (Join-Path $Root 'docs')

    $emulatorProject = Join-Path $Root 'src/VodPowerShell.Emulator/VodPowerShell.Emulator.csproj'
    if (Test-Path $emulatorProject) {
        Invoke-Dotnet publish $emulatorProject -c $Configuration --no-build --nologo -v q -o $EmulatorOut
    }
    Write-Host "Module assembled in $ModuleOut"
}

function Get-PesterModulePath {
    Invoke-Dotnet restore (Join-Path $Root 'build/tools/BuildTools.csproj') --nologo -v q
    $packages = (& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', ''
    $path = Join-Path $packages.Trim() 'pester/5.7.1/tools/Pester.psd1'
    if (-not (Test-Path $path)) { throw "Pester was not restored to $path." }
    return $path
}

function Read-TrxCounts {
    param([string] $Directory)
    $passed = 0; $failed = 0
    foreach ($file in Get-ChildItem $Directory -Filter *.trx -Recurse -ErrorAction SilentlyContinue) {
        $counters = ([xml](Get-Content -Raw -LiteralPath $file.FullName)).TestRun.ResultSummary.Counters
        $passed += [int]$counters.passed
        $failed += [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
    }
    return @{ Passed = $passed; Failed = $failed }
}

function Read-SuiteSummary {
    # A suite that wrote no counts, or exited non-zero without a failed test, counts one failure: never a silent pass.
    param([string] $Path, [int] $ExitCode, [string] $Name)
    $summary = if (Test-Path $Path) { Get-Content -Raw $Path | ConvertFrom-Json -AsHashtable } else { @{ Passed = 0; Failed = 1 } }
    if ($ExitCode -ne 0 -and $summary.Failed -eq 0) { $summary.Failed = 1; Write-Warning "$Name exited $ExitCode without a failed test: counted as one failure." }
    return $summary
}

function Invoke-EmulatorPack {
    # The emulator as a .NET tool (command vod-emulator), for teams that install it without this repository.
    param([string] $Destination)
    Invoke-Dotnet pack (Join-Path $Root 'src/VodPowerShell.Emulator/VodPowerShell.Emulator.csproj') -c $Configuration --no-build --nologo -v q -o $Destination
}

function Invoke-Test {
    Invoke-Build
    if (Test-Path $TestResults) { Remove-Item $TestResults -Recurse -Force }

    Write-Host '== xunit'
    $xunitDir = Join-Path $TestResults 'xunit'
    & dotnet test (Join-Path $Root 'VodPowerShell.sln') -c $Configuration --no-build --nologo `
        --logger 'trx' --logger 'console;verbosity=minimal' --results-directory $xunitDir
    $xunitExit = $LASTEXITCODE
    $xunit = Read-TrxCounts $xunitDir
    if ($xunitExit -ne 0 -and $xunit.Failed -eq 0) { $xunit.Failed = 1; Write-Warning "dotnet test exited $xunitExit without a failed test: counted as one failure." }

    Write-Host '== Pester'
    $pesterSummary = Join-Path $TestResults 'pester-summary.json'
    & dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $Root 'tests/Invoke-PesterSuite.ps1') `
        -PesterPath (Get-PesterModulePath) -ModulePath $ModuleOut -EmulatorPath $EmulatorDll `
        -ResultDirectory $TestResults -SummaryPath $pesterSummary
    $pester = Read-SuiteSummary $pesterSummary $LASTEXITCODE 'Pester'

    Write-Host "== Interop (Tencent's Node.js SDK against the emulator installed as a .NET tool)"
    $toolFeed = Join-Path $TestResults 'tool-feed'
    Invoke-EmulatorPack $toolFeed
    $interopSummary = Join-Path $TestResults 'interop-summary.json'
    & dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $Root 'tests/Interop/Invoke-InteropSuite.ps1') `
        -EmulatorPath $EmulatorDll -ToolFeed $toolFeed -ToolVersion (Get-ProjectVersion) `
        -ResultDirectory $TestResults -SummaryPath $interopSummary
    $interop = Read-SuiteSummary $interopSummary $LASTEXITCODE 'Interop'

    $passed = $xunit.Passed + $pester.Passed + $interop.Passed
    $failed = $xunit.Failed + $pester.Failed + $interop.Failed
    Write-Host "xunit: $($xunit.Passed) passed, $($xunit.Failed) failed; Pester: $($pester.Passed) passed, $($pester.Failed) failed; Interop: $($interop.Passed) passed, $($interop.Failed) failed"
    Write-Host "$passed passed, $failed failed"
    if ($failed -gt 0 -or $passed -eq 0) { exit 1 }
}

function Invoke-Demo {
    Invoke-Build
    & dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $Root 'examples/Demo.ps1') -ModulePath $ModuleOut -EmulatorPath $EmulatorDll
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
}

function Invoke-Emulator {
    Invoke-Build
    $arguments = @('--port', $Port)
    if ($SecretId) { $arguments += '--secret-id', $SecretId }
    if ($SecretKey) { $arguments += '--secret-key', $SecretKey }
    & dotnet $EmulatorDll @arguments @EmulatorArgument
}

function Invoke-Bench {
    Invoke-Build
    & dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $Root 'bench/Invoke-Benchmarks.ps1') -ModulePath $ModuleOut -EmulatorPath $EmulatorDll -Configuration $Configuration
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
}

function Invoke-Package {
    Invoke-Build
    $packages = Join-Path $Out 'packages'
    if (Test-Path $packages) { Remove-Item $packages -Recurse -Force }
    $null = New-Item -ItemType Directory -Path $packages
    # A uniquely named, temporary registration of the folder: the user's own repositories are left alone.
    $repository = 'VodPowerShellBuild-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
    Register-PSResourceRepository -Name $repository -Uri $packages -Trusted
    try {
        Publish-PSResource -Path $ModuleOut -Repository $repository
    }
    finally {
        Unregister-PSResourceRepository -Name $repository
    }
    Invoke-EmulatorPack $packages
    Get-ChildItem $packages -Filter *.nupkg | ForEach-Object { Write-Host "Package: $($_.FullName)" }
}

function Invoke-Clean {
    if (Test-Path $Out) { Remove-Item $Out -Recurse -Force }
    Get-ChildItem $Root -Directory -Recurse -Include bin, obj | Where-Object FullName -NotLike '*node_modules*' | Remove-Item -Recurse -Force
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Test' { Invoke-Test }
    'Demo' { Invoke-Demo }
    'Emulator' { Invoke-Emulator }
    'Bench' { Invoke-Bench }
    'Package' { Invoke-Package }
    'Clean' { Invoke-Clean }
}
