<#
.SYNOPSIS
    Runs every tests/**/*.Tests.ps1 against the built module, in a process of its own, and writes the
    passed/failed counts for build.ps1 to add to the xunit ones.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $PesterPath,
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $EmulatorPath,
    [Parameter(Mandatory)] [string] $ResultDirectory,
    [Parameter(Mandatory)] [string] $SummaryPath
)

$ErrorActionPreference = 'Stop'
Import-Module $PesterPath -Force

# The test files read these to find what they test.
$env:VODPS_TEST_MODULE = (Resolve-Path $ModulePath).Path
$env:VODPS_TEST_EMULATOR = $EmulatorPath

# A suite that declares an -ApiVersion parameter runs once per API version against the same emulator:
# one set of tests, two protocols. The others run once.
$containers = foreach ($file in Get-ChildItem (Join-Path $PSScriptRoot 'Pester') -Filter *.Tests.ps1) {
    if ((Get-Content -LiteralPath $file.FullName -First 1) -match '\$ApiVersion') {
        foreach ($version in 'V2', 'V3') { New-PesterContainer -Path $file.FullName -Data @{ ApiVersion = $version } }
    }
    else {
        New-PesterContainer -Path $file.FullName
    }
}

$configuration = New-PesterConfiguration
$configuration.Run.Container = $containers
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Normal'
$configuration.TestResult.Enabled = $true
$configuration.TestResult.OutputFormat = 'NUnitXml'
$configuration.TestResult.OutputPath = Join-Path $ResultDirectory 'pester.xml'

# The tests run with PowerShell's default error handling, as a user's session would: 'Stop' above is for this
# script's own set-up and must not turn the cmdlets' non-terminating errors into test failures.
$ErrorActionPreference = 'Continue'
$result = Invoke-Pester -Configuration $configuration
if ($null -eq $result) {
    # Pester itself failed (for example writing the report): never let that pass for a green run.
    @{ Passed = 0; Failed = 1 } | ConvertTo-Json | Set-Content -LiteralPath $SummaryPath
    exit 1
}
$failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
@{ Passed = $result.PassedCount; Failed = $failed } | ConvertTo-Json | Set-Content -LiteralPath $SummaryPath
if ($failed -gt 0) { exit 1 }
exit 0
