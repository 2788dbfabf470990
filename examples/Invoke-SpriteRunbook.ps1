<#
.SYNOPSIS
    Scheduled runbook: submits image sprites for the fileIds in a CSV, with a journal, and writes a report.
.DESCRIPTION
    Safe to rerun after any failure: the journal skips files that already have a task. Credentials come from
    -ProfileName, or from TENCENTCLOUD_SECRET_ID / TENCENTCLOUD_SECRET_KEY (Azure Automation variables), or
    the default profile. See docs/runbooks.md.
.EXAMPLE
    ./Invoke-SpriteRunbook.ps1 -InputCsv files.csv -OutputFolder ./out -ProfileName prod
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $InputCsv,
    [Parameter(Mandatory)] [string] $OutputFolder,
    [string] $ProfileName,
    [int] $WaitTimeoutSec = 3600,
    [double] $PollIntervalSec = 30,
    # Extra parameters for the VOD cmdlets (an -Endpoint for the emulator, -ApiVersion, -Credential).
    [hashtable] $Connection = @{}
)

$ErrorActionPreference = 'Stop'
Import-Module VodPowerShell
if ($ProfileName) { $Connection.ProfileName = $ProfileName }
$null = New-Item -ItemType Directory -Force -Path $OutputFolder
$journal = Join-Path $OutputFolder 'sprites.journal'

# Per-file failures are non-terminating: they land in $submitErrors and the batch goes on.
$submitted = Import-Csv -LiteralPath $InputCsv |
    New-VodImageSprite @Connection -JournalPath $journal -ErrorAction SilentlyContinue -ErrorVariable submitErrors
$submitted | Export-Csv -LiteralPath (Join-Path $OutputFolder 'submitted.csv') -NoTypeInformation

$finished = $submitted | Where-Object VodTaskId |
    Wait-VodTask @Connection -TimeoutSec $WaitTimeoutSec -PollIntervalSec $PollIntervalSec -ErrorAction SilentlyContinue -ErrorVariable waitErrors
$finished | Select-Object TaskId, FileId, Succeeded, ErrorCode, TotalCount, @{ n = 'ImageSpriteUrls'; e = { $_.ImageSpriteUrls -join ' ' } }, WebVttUrl |
    Export-Csv -LiteralPath (Join-Path $OutputFolder 'report.csv') -NoTypeInformation

[pscustomobject]@{
    Submitted = @($submitted | Where-Object Status -In 'Submitted', 'Skipped').Count
    Failed    = @($submitErrors).Count
    Finished  = @($finished | Where-Object Succeeded).Count
    Problems  = @($waitErrors).Count
}
