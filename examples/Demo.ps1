<#
.SYNOPSIS
    The main job, end to end, against the embedded emulator: start it, authenticate, pipe fileIds through
    New-VodImageSprite, follow the tasks, download the sprites and read their thumbnails, stop it. Run it with: dotnet pwsh -NoProfile ./build.ps1 Demo
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $EmulatorPath
)

$ErrorActionPreference = 'Stop'
# Plain tables when the output is a log rather than a terminal.
if ([Console]::IsOutputRedirected) { $PSStyle.OutputRendering = 'PlainText' }
Import-Module (Join-Path $PSScriptRoot '../build/EmulatorProcess.psm1')
Import-Module (Join-Path $ModulePath 'VodPowerShell.psd1')

$secretId = 'AKIDDemo' + (Get-Random -Minimum 100000 -Maximum 999999)
$secretKey = New-EmulatorSecret
$emulator = Start-VodEmulatorProcess -EmulatorPath $EmulatorPath -ArgumentList '--secret-id', $secretId, '--secret-key', $secretKey
try {
    Write-Host "Emulator listening on $($emulator.Endpoint)"
    Set-VodCredential -SecretId $secretId -SecretKey (ConvertTo-SecureString $secretKey -AsPlainText -Force) -Endpoint $emulator.Endpoint

    # A runbook's usual input: a CSV of fileIds. Two rows are bad on purpose: one file does not exist, one is
    # not ready. They fail on their own, as non-terminating errors, and every other file still gets its task.
    $csv = Join-Path ([IO.Path]::GetTempPath()) "vod-demo-$PID.csv"
    @(
        [pscustomobject]@{ FileId = '5285890781763144364' }
        [pscustomobject]@{ FileId = '5285890781763144365' }
        [pscustomobject]@{ FileId = 'missing-5285890781763144366' }
        [pscustomobject]@{ FileId = '5285890781763144367' }
        [pscustomobject]@{ FileId = 'unready-5285890781763144368' }
    ) | Export-Csv -LiteralPath $csv -NoTypeInformation

    $results = Import-Csv -LiteralPath $csv | New-VodImageSprite -Definition 10 -ErrorVariable failures -ErrorAction SilentlyContinue
    Remove-Item -LiteralPath $csv

    Write-Host "`n1. New-VodImageSprite: one result per input, failures as non-terminating errors"
    $results | Format-Table FileId, Status, VodTaskId, Code, ErrorId -AutoSize | Out-String -Width 160 | Write-Host
    Write-Host ("{0} submitted, {1} failed: {2}" -f
        @($results | Where-Object Status -EQ 'Submitted').Count,
        @($results | Where-Object Status -EQ 'Failed').Count,
        (($failures | ForEach-Object { "$($_.TargetObject) -> $($_.FullyQualifiedErrorId.Split(',')[0])" }) -join '; '))
    if (@($results | Where-Object VodTaskId).Count -ne 3) { throw 'The demo expected three task ids.' }

    Write-Host "`n2. Wait-VodTask: follow the tasks to the finished sprites"
    $tasks = $results | Wait-VodTask -PollIntervalSec 0.2 -TimeoutSec 60
    $tasks | Format-Table TaskId, FileId, Status, TotalCount, @{ n = 'Sheets'; e = { $_.ImageSpriteUrls.Count } }, WebVttUrl -AutoSize | Out-String -Width 200 | Write-Host

    Write-Host "3. Receive-VodEvent: the same completions from the event queue, confirmed"
    Receive-VodEvent -MaxEvents 3 -TimeoutSec 30 -AutoConfirm | Format-Table EventType, TaskId, FileId, Succeeded -AutoSize | Out-String -Width 160 | Write-Host

    Write-Host "4. Save-VodImageSprite: the sheets and the WebVTT on disk, checked"
    $spritesFolder = Join-Path ([IO.Path]::GetTempPath()) "vod-demo-sprites-$PID"
    $saved = $tasks | Save-VodImageSprite -Path $spritesFolder
    $saved | Format-Table FileId, Definition, ThumbnailCount, Bytes, Directory -AutoSize | Out-String -Width 200 | Write-Host

    Write-Host "5. Get-VodSpriteThumbnail: each thumbnail as an object (the first five)"
    $thumbnails = @($saved | Get-VodSpriteThumbnail)
    $thumbnails | Select-Object -First 5 | Format-Table FileId, Index, Start, End, X, Y, Width, Height, Sheet -AutoSize | Out-String -Width 200 | Write-Host
    Write-Host ("The sheets are in {0}: {1} files, {2} thumbnails." -f $spritesFolder, @($saved.SheetPaths).Count, $thumbnails.Count)
    if ($thumbnails.Count -eq 0) { throw 'The demo expected thumbnails in the saved sprites.' }

    Write-Host "`n6. The whole workflow as one pipeline (API 3.0): find the media, submit, wait, save, read"
    $v3 = @{ ApiVersion = 'V3' }
    $workflow = @(Find-VodMedia @v3 -ClassId 11 -CreatedAfter (Get-Date).AddDays(-90) | Select-Object -First 3 |
        New-VodImageSprite @v3 -Definition 10 -Wait -PollIntervalSec 0.2 -WaitTimeoutSec 60 |
        Save-VodImageSprite -Path $spritesFolder |
        Get-VodSpriteThumbnail)
    $workflow | Group-Object FileId | Format-Table @{ n = 'FileId'; e = { $_.Name } }, @{ n = 'Thumbnails'; e = { $_.Count } },
        @{ n = 'Sheets'; e = { @($_.Group.Sheet | Sort-Object -Unique).Count } } -AutoSize | Out-String -Width 160 | Write-Host
    if (@($workflow | Select-Object -ExpandProperty FileId -Unique).Count -ne 3) { throw 'The demo expected three files through the whole workflow.' }
}
finally {
    $emulator | Stop-VodEmulatorProcess
}
