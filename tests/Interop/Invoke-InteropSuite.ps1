<#
.SYNOPSIS
    Drives the emulator through Tencent's official Node.js SDK and writes the passed/failed counts for build.ps1.
.DESCRIPTION
    1. npm ci: the SDK exactly as package-lock.json pins it. If npm cannot install it (registry unreachable), the
       suite fails and says so; it never skips.
    2. The emulator, installed from the local feed as the .NET tool other teams get (vod-emulator), in a temporary
       tool path, started on a free port; and a second one, from the build, that requires a session token.
    3. node --test vod-sdk.test.js against both; each node test counts as one test, and so do steps 1 and 2.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $EmulatorPath,
    # A folder holding the VodPowerShell.Emulator .nupkg (build.ps1 packs it there).
    [Parameter(Mandatory)] [string] $ToolFeed,
    [Parameter(Mandatory)] [string] $ToolVersion,
    [Parameter(Mandatory)] [string] $ResultDirectory,
    [Parameter(Mandatory)] [string] $SummaryPath
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
Import-Module (Join-Path $PSScriptRoot '../../build/EmulatorProcess.psm1') -Force

$script:passed = 0
$script:failed = 0

function Invoke-Step {
    # A set-up step counted as a test: it passes, or fails with the reason, and the suite goes no further.
    param([string] $Name, [scriptblock] $Action)
    try {
        $result = & $Action
        $script:passed++
        Write-Host "ok - $Name"
        return $result
    }
    catch {
        $script:failed++
        Write-Host "not ok - $Name`n  $($_.Exception.Message)"
        throw
    }
}

function Invoke-Native {
    param([string] $Command, [string[]] $Arguments, [string] $Failure)
    $output = & $Command @Arguments 2>&1
    if ($LASTEXITCODE -ne 0) { throw "$Failure (exit code $LASTEXITCODE):`n$($output -join "`n")" }
}

$emulators = @()
$toolPath = Join-Path ([System.IO.Path]::GetTempPath()) ('vod-emulator-tool-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
try {
    Invoke-Step 'npm ci installs the pinned Tencent SDK from package-lock.json' {
        if (-not (Get-Command npm -ErrorAction SilentlyContinue)) { throw 'npm is not installed: the interop suite needs Node.js and npm.' }
        Push-Location $PSScriptRoot
        try {
            Invoke-Native npm @('ci', '--no-audit', '--no-fund') 'npm ci failed; is the npm registry reachable? The interop suite cannot run without the pinned SDK'
        }
        finally { Pop-Location }
    }

    $sdkEmulator = Invoke-Step 'the emulator installs as a .NET tool from a local feed and starts (vod-emulator --port 0)' {
        # Only the local feed: the tool must install from the package alone, as it would on another team's machine.
        $null = New-Item -ItemType Directory -Path $toolPath
        $config = Join-Path $toolPath 'nuget.config'
        Set-Content -LiteralPath $config -Value "<configuration><packageSources><clear /><add key=`"local`" value=`"$([System.Security.SecurityElement]::Escape((Resolve-Path $ToolFeed).Path))`" /></packageSources></configuration>"
        Invoke-Native dotnet @('tool', 'install', 'VodPowerShell.Emulator', '--version', $ToolVersion, '--tool-path', $toolPath, '--configfile', $config) 'dotnet tool install failed'
        $command = Join-Path $toolPath ($IsWindows ? 'vod-emulator.exe' : 'vod-emulator')
        Start-VodEmulatorProcess -EmulatorPath $command -ArgumentList '--task-waiting-ms', '100', '--task-processing-ms', '200', '--long-poll-ms', '200', '--quota-rate', '0'
    }
    $emulators += $sdkEmulator

    $token = New-EmulatorSecret
    $tokenEmulator = Start-VodEmulatorProcess -EmulatorPath $EmulatorPath -ArgumentList '--token', $token, '--quota-rate', '0'
    $emulators += $tokenEmulator

    $env:VOD_EMULATOR_ENDPOINT = $sdkEmulator.Endpoint.GetLeftPart([UriPartial]::Authority)
    $env:VOD_EMULATOR_TOKEN_ENDPOINT = $tokenEmulator.Endpoint.GetLeftPart([UriPartial]::Authority)
    $env:VOD_EMULATOR_SECRET_ID = 'AKIDVodEmulator0000000000000000000000'
    $env:VOD_EMULATOR_SECRET_KEY = 'VodEmulatorSecretKey000000000000'
    $env:VOD_EMULATOR_TOKEN = $token

    # Readable progress on the console, TAP in a file for the counts.
    $tap = Join-Path (Resolve-Path $ResultDirectory).Path 'interop.tap'
    Push-Location $PSScriptRoot
    try {
        & node --test --test-reporter=spec --test-reporter-destination=stdout --test-reporter=tap --test-reporter-destination=$tap vod-sdk.test.js
        $nodeExit = $LASTEXITCODE
    }
    finally { Pop-Location }

    $text = if (Test-Path $tap) { Get-Content -Raw -LiteralPath $tap } else { '' }
    $nodePassed = if ($text -match '(?m)^# pass (\d+)') { [int]$Matches[1] } else { 0 }
    $nodeFailed = if ($text -match '(?m)^# fail (\d+)') { [int]$Matches[1] } else { 0 }
    if ($nodeExit -ne 0 -and $nodeFailed -eq 0) { $nodeFailed = 1; Write-Warning "node --test exited $nodeExit without a failed test: counted as one failure." }
    if ($nodePassed + $nodeFailed -eq 0) { $nodeFailed = 1; Write-Warning 'node --test ran no test: counted as one failure.' }
    $script:passed += $nodePassed
    $script:failed += $nodeFailed
}
catch {
    # A failed step was counted where it failed; anything else is counted here, never dropped.
    if ($script:failed -eq 0) { $script:failed = 1 }
    Write-Host "Interop suite stopped: $($_.Exception.Message)"
}
finally {
    $emulators | Stop-VodEmulatorProcess
    if (Test-Path $toolPath) { Remove-Item $toolPath -Recurse -Force }
    @{ Passed = $script:passed; Failed = $script:failed } | ConvertTo-Json | Set-Content -LiteralPath $SummaryPath
}

Write-Host "Interop: $script:passed passed, $script:failed failed"
exit ($script:failed -gt 0 ? 1 : 0)
