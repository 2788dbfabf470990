<#
.SYNOPSIS
    One client-side measurement in a fresh pwsh, started by Invoke-Benchmarks.ps1. Writes one JSON line.
.DESCRIPTION
    Scenarios, all against an emulator that accepts its default credential:
        Module    Pipe -Count fileIds through New-VodImageSprite; fileIds/s. With -Rounds, as many runs of -Count
                  in the same session; the last one is reported as the warm figures too (see Invoke-Benchmarks.ps1).
        Baseline  The same work the way a user would script it without the module: sign each request with
                  .NET's HMACSHA256 and call Invoke-RestMethod in a loop; fileIds/s.
        Memory    Pipe 10,000 and then 100,000 fileIds through New-VodImageSprite; working set after each.
        Download  Submit -Count files with -Wait, then Save-VodImageSprite them into -OutputPath in two halves; bytes,
                  seconds and the process's peak working set after each half.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [uri] $Endpoint,
    [Parameter(Mandatory)] [ValidateSet('Module', 'Baseline', 'Memory', 'Download')] [string] $Scenario,
    [int] $Count = 1000,
    [ValidateRange(1, 10)] [int] $Rounds = 1,
    [int] $ThrottleLimit = 16,
    [int] $RequestsPerMinute = 0,
    [double] $QuotaWindowSec = 60,
    [string] $OutputPath
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

# The emulator's documented default credential (src/VodPowerShell.Emulator/README.md): loopback only.
$SecretId = 'AKIDVodEmulator0000000000000000000000'
$SecretKey = 'VodEmulatorSecretKey000000000000'

function New-EmulatorCredential {
    [pscredential]::new($SecretId, (ConvertTo-SecureString $SecretKey -AsPlainText -Force))
}

function New-FileIds([int] $Count, [string] $Prefix) {
    [string[]] $ids = foreach ($i in 1..$Count) { "$Prefix$i" }
    return , $ids
}

function Invoke-Module([string[]] $FileIds, [switch] $Discard) {
    $credential = New-EmulatorCredential
    $sprite = @{
        Credential = $credential; Endpoint = $Endpoint; ThrottleLimit = $ThrottleLimit
        RequestsPerMinute = $RequestsPerMinute; QuotaWindowSec = $QuotaWindowSec; ErrorAction = 'SilentlyContinue'
    }
    $process = [Diagnostics.Process]::GetCurrentProcess()
    $cpuBefore = $process.TotalProcessorTime
    $clock = [Diagnostics.Stopwatch]::StartNew()
    # -Discard streams the results away (a long run's memory must not grow); otherwise they are counted.
    $results = if ($Discard) { $FileIds | New-VodImageSprite @sprite | Out-Null } else { $FileIds | New-VodImageSprite @sprite }
    $clock.Stop()
    $process.Refresh()
    # CPU time per fileId in this process: unlike the rate, it hardly depends on what else the machine runs.
    $cpuMicroseconds = ($process.TotalProcessorTime - $cpuBefore).TotalMilliseconds * 1000 / $FileIds.Count
    $submitted = if ($Discard) { $null } else { @($results | Where-Object Status -EQ 'Submitted').Count }
    return @{ Count = $FileIds.Count; Submitted = $submitted; Seconds = $clock.Elapsed.TotalSeconds; PerSecond = $FileIds.Count / $clock.Elapsed.TotalSeconds; CpuMicrosecondsPerId = $cpuMicroseconds }
}

function Invoke-Baseline([string[]] $FileIds) {
    $keyBytes = [Text.Encoding]::UTF8.GetBytes($SecretKey)
    $authority = $Endpoint.Authority
    $submitted = 0
    $process = [Diagnostics.Process]::GetCurrentProcess()
    $cpuBefore = $process.TotalProcessorTime
    $clock = [Diagnostics.Stopwatch]::StartNew()
    foreach ($fileId in $FileIds) {
        $parameters = @{
            Action          = 'CreateImageSprite'
            fileId          = $fileId
            definition      = '10'
            Region          = 'gz'
            Timestamp       = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds()
            Nonce           = Get-Random -Minimum 1 -Maximum ([int]::MaxValue)
            SecretId        = $SecretId
            SignatureMethod = 'HmacSHA256'
        }
        [string[]] $names = $parameters.Keys
        [Array]::Sort($names, [StringComparer]::Ordinal)
        $stringToSign = 'GET' + $authority + '/v2/index.php?' + (($names | ForEach-Object { "$_=$($parameters[$_])" }) -join '&')
        $hmac = [Security.Cryptography.HMACSHA256]::new($keyBytes)
        $parameters.Signature = [Convert]::ToBase64String($hmac.ComputeHash([Text.Encoding]::UTF8.GetBytes($stringToSign)))
        $hmac.Dispose()
        $query = ($parameters.Keys | ForEach-Object { "$_=$([uri]::EscapeDataString([string]$parameters[$_]))" }) -join '&'
        $response = Invoke-RestMethod -Uri "$($Endpoint.Scheme)://$authority/v2/index.php?$query"
        if ($response.code -eq 0) { $submitted++ }
    }
    $clock.Stop()
    $process.Refresh()
    $cpuMicroseconds = ($process.TotalProcessorTime - $cpuBefore).TotalMilliseconds * 1000 / $FileIds.Count
    return @{ Count = $FileIds.Count; Submitted = $submitted; Seconds = $clock.Elapsed.TotalSeconds; PerSecond = $FileIds.Count / $clock.Elapsed.TotalSeconds; CpuMicrosecondsPerId = $cpuMicroseconds }
}

function Invoke-Download([string[]] $FileIds) {
    # Two equal halves in one process: if the first half's peak holds through the second, memory does not grow
    # with the bytes. Both halves are past the GC's first-generation budget, so the peak is not just a lazy GC.
    $credential = New-EmulatorCredential
    $finished = @($FileIds | New-VodImageSprite -Credential $credential -Endpoint $Endpoint -Wait -ErrorAction Stop)
    $process = [Diagnostics.Process]::GetCurrentProcess()
    $half = [int]($finished.Count / 2)
    $allocatedBefore = [GC]::GetTotalAllocatedBytes()
    $peaks = @()
    $saved = [Collections.Generic.List[object]]::new()
    $clock = [Diagnostics.Stopwatch]::StartNew()
    foreach ($part in $finished[0..($half - 1)], $finished[$half..($finished.Count - 1)]) {
        foreach ($sprite in ($part | Save-VodImageSprite -Path $OutputPath -ThrottleLimit $ThrottleLimit -ErrorAction Stop)) { $saved.Add($sprite) }
        $process.Refresh()
        $peaks += [Math]::Round($process.PeakWorkingSet64 / 1MB, 1)
    }
    $clock.Stop()
    $bytes = ($saved | Measure-Object -Property Bytes -Sum).Sum
    return @{
        Files = $saved.Count; Sheets = ($saved | ForEach-Object { $_.SheetPaths.Count } | Measure-Object -Sum).Sum
        Failed = ($saved | Measure-Object -Property Failed -Sum).Sum; Bytes = $bytes; Seconds = $clock.Elapsed.TotalSeconds
        MBPerSecond = $bytes / 1MB / $clock.Elapsed.TotalSeconds; PeakAfterHalfMB = $peaks[0]; PeakAfterAllMB = $peaks[1]
        Gen0Collections = [GC]::CollectionCount(0); SaveAllocatedMB = [Math]::Round(([GC]::GetTotalAllocatedBytes() - $allocatedBefore) / 1MB)
    }
}

function Get-SettledWorkingSetMB {
    [GC]::Collect(); [GC]::WaitForPendingFinalizers(); [GC]::Collect()
    $process = [Diagnostics.Process]::GetCurrentProcess()
    $process.Refresh()
    return [Math]::Round($process.WorkingSet64 / 1MB, 1)
}

Import-Module (Join-Path $ModulePath 'VodPowerShell.psd1')
$result = switch ($Scenario) {
    'Module' {
        $first = Invoke-Module (New-FileIds $Count 'bench-module-')
        # Later rounds in the same session: the runtime has tiered up the hot code by then (Invoke-Benchmarks.ps1).
        $last = $first
        for ($round = 2; $round -le $Rounds; $round++) { $last = Invoke-Module (New-FileIds $Count "bench-module-r$round-") }
        $first + @{ WarmPerSecond = $last.PerSecond; WarmCpuMicrosecondsPerId = $last.CpuMicrosecondsPerId; WarmSubmitted = $last.Submitted; Rounds = $Rounds }
    }
    'Baseline' { Invoke-Baseline (New-FileIds $Count 'bench-baseline-') }
    'Download' { Invoke-Download (New-FileIds $Count 'bench-download-') }
    'Memory' {
        # The inputs are generated inside each run so they are garbage afterwards, like a streamed CSV.
        $small = Invoke-Module (New-FileIds 10000 'bench-memory-a-') -Discard
        $afterSmall = Get-SettledWorkingSetMB
        $large = Invoke-Module (New-FileIds 100000 'bench-memory-b-') -Discard
        $afterLarge = Get-SettledWorkingSetMB
        @{ After10kMB = $afterSmall; After100kMB = $afterLarge; Seconds = $small.Seconds + $large.Seconds; PerSecond = $large.PerSecond }
    }
}
$result | ConvertTo-Json -Compress
