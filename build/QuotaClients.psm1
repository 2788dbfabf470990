# Several pwsh processes on one key against one emulator, for the Pester quota tests and build.ps1 Bench:
# each pipes its own fileIds through New-VodImageSprite, with the quota shared between them or not.
Set-StrictMode -Version Latest

$ChildScript = @'
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $env:VODPS_QUOTA_MODULE 'VodPowerShell.psd1')
$credential = [pscredential]::new($env:VODPS_QUOTA_SECRET_ID, (ConvertTo-SecureString $env:VODPS_QUOTA_SECRET_KEY -AsPlainText -Force))
$fileIds = foreach ($i in 1..[int]$env:VODPS_QUOTA_COUNT) { "$($env:VODPS_QUOTA_PREFIX)-$i" }
$results = $fileIds | New-VodImageSprite -Credential $credential -Endpoint $env:VODPS_QUOTA_ENDPOINT -ApiVersion $env:VODPS_QUOTA_API `
    -RequestsPerMinute ([int]$env:VODPS_QUOTA_RATE) -QuotaWindowSec ([double]$env:VODPS_QUOTA_WINDOW_SEC) `
    -ThrottleLimit ([int]$env:VODPS_QUOTA_THROTTLE) -RetryIntervalSec 0.2 -ErrorAction SilentlyContinue
@{ Count = @($results).Count; Submitted = @($results | Where-Object Status -EQ 'Submitted').Count } | ConvertTo-Json -Compress
'@

function Invoke-QuotaClients {
    # Starts every process at once (or -StartApartSec after one another, and the late ones -JoinAfterSec after the
    # first) and waits for all; returns one summary per process (Prefix, Count, Submitted).
    param(
        [Parameter(Mandatory)] [string] $ModulePath,
        [Parameter(Mandatory)] [uri] $Endpoint,
        [Parameter(Mandatory)] [string] $SecretId,
        [Parameter(Mandatory)] [string] $SecretKey,
        [Parameter(Mandatory)] [int] $Processes,
        [Parameter(Mandatory)] [int] $IdsPerProcess,
        [Parameter(Mandatory)] [int] $Rate,
        [Parameter(Mandatory)] [double] $WindowSec,
        [Parameter(Mandatory)] [bool] $Sharing,
        [Parameter(Mandatory)] [string] $QuotaFolder,
        [string] $ApiVersion = 'V2',
        [int] $ThrottleLimit = 8,
        [int] $TimeoutSec = 300,
        # Names this call's processes <Prefix>1..N (their fileIds <Prefix>1-1...), so calls can run side by side.
        [string] $Prefix = 'p',
        # A host that joins hosts already running: this many more processes of -JoinIdsPerProcess fileIds each,
        # started -JoinAfterSec after the others (named after them: <Prefix>N+1...).
        [int] $JoinProcesses = 0,
        [int] $JoinIdsPerProcess = $IdsPerProcess,
        [double] $JoinAfterSec = 0,
        # Runbooks of different sizes: process n pipes the n-th count instead of -IdsPerProcess (as many counts as -Processes).
        [int[]] $IdsEach = @(),
        # Separate machines never start together: process n starts (n - 1) times this many seconds after the first.
        [double] $StartApartSec = 0
    )
    if ($IdsEach.Count -gt 0 -and $IdsEach.Count -ne $Processes) { throw "-IdsEach has $($IdsEach.Count) counts for $Processes processes." }
    $script = Join-Path ([IO.Path]::GetTempPath()) ("vodps-quota-client-{0}.ps1" -f [guid]::NewGuid())
    Set-Content -LiteralPath $script -Value $ChildScript
    $children = @()
    $starts = @(foreach ($n in 1..$Processes) { [pscustomobject]@{ Number = $n; Ids = $(if ($IdsEach.Count -gt 0) { $IdsEach[$n - 1] } else { $IdsPerProcess }); Late = $false } })
    if ($JoinProcesses -gt 0) { $starts += foreach ($n in 1..$JoinProcesses) { [pscustomobject]@{ Number = $Processes + $n; Ids = $JoinIdsPerProcess; Late = $true } } }
    $firstAt = [DateTime]::UtcNow
    try {
        foreach ($next in $starts) {
            $n = $next.Number
            $startAt = $firstAt.AddSeconds($(if ($next.Late) { $JoinAfterSec } else { ($n - 1) * $StartApartSec }))
            if ([DateTime]::UtcNow -lt $startAt) { Start-Sleep -Milliseconds ([int]($startAt - [DateTime]::UtcNow).TotalMilliseconds) }
            $start = [Diagnostics.ProcessStartInfo]::new('dotnet')
            foreach ($argument in (Join-Path $PSHOME 'pwsh.dll'), '-NoProfile', '-NonInteractive', '-File', $script) { $start.ArgumentList.Add($argument) }
            $start.UseShellExecute = $false
            $start.RedirectStandardOutput = $true
            $start.RedirectStandardError = $true
            # The secret goes through the environment, never the command line (which other users can read).
            $values = @{
                VODPS_QUOTA_MODULE = (Resolve-Path -LiteralPath $ModulePath).Path; VODPS_QUOTA_SECRET_ID = $SecretId; VODPS_QUOTA_SECRET_KEY = $SecretKey
                VODPS_QUOTA_COUNT = $next.Ids; VODPS_QUOTA_PREFIX = "$Prefix$n"; VODPS_QUOTA_ENDPOINT = $Endpoint; VODPS_QUOTA_API = $ApiVersion
                VODPS_QUOTA_RATE = $Rate; VODPS_QUOTA_WINDOW_SEC = $WindowSec; VODPS_QUOTA_THROTTLE = $ThrottleLimit
                VODPOWERSHELL_QUOTA_SHARING = if ($Sharing) { 'on' } else { 'off' }; VODPOWERSHELL_QUOTA_DIR = $QuotaFolder; NO_COLOR = '1'
            }
            foreach ($pair in $values.GetEnumerator()) { $start.Environment[$pair.Key] = [string]$pair.Value }
            $process = [Diagnostics.Process]::Start($start)
            $children += [pscustomobject]@{ Prefix = "$Prefix$n"; Process = $process; Output = $process.StandardOutput.ReadToEndAsync(); Errors = $process.StandardError.ReadToEndAsync() }
        }
        $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSec)
        foreach ($child in $children) {
            $left = [Math]::Max(1, ($deadline - [DateTime]::UtcNow).TotalMilliseconds)
            if (-not $child.Process.WaitForExit([int]$left)) { throw "Quota client $($child.Prefix) did not finish within $TimeoutSec s." }
            $child.Process.WaitForExit()
            if ($child.Process.ExitCode -ne 0) { throw "Quota client $($child.Prefix) exited $($child.Process.ExitCode): $($child.Errors.Result)" }
            $summary = ($child.Output.Result.Trim() -split "`n")[-1] | ConvertFrom-Json
            [pscustomobject]@{ Prefix = $child.Prefix; Count = $summary.Count; Submitted = $summary.Submitted }
        }
    }
    finally {
        foreach ($child in $children) { if (-not $child.Process.HasExited) { $child.Process.Kill($true) } }
        Remove-Item -LiteralPath $script -ErrorAction SilentlyContinue
    }
}

function Measure-QuotaLedger {
    # What the emulator saw: requests, 4400 answers, tasks per fileId, the share of the quota used and each
    # process's share while all of them were running (with -FairFromSec, only from that many seconds after the
    # first request on: a long run's shares once its hosts burst on the grid).
    param([Parameter(Mandatory)] [object[]] $Ledger, [Parameter(Mandatory)] [int] $Rate, [Parameter(Mandatory)] [double] $WindowSec, [Parameter(Mandatory)] [int] $Processes,
        [double] $FairFromSec = 0)
    $creates = @($Ledger | Where-Object { $_.action -in 'CreateImageSprite', 'ProcessMedia' })
    $rejected = @($creates | Where-Object { $_.code -eq 4400 -or $_.errorCode -eq 'RequestLimitExceeded' }).Count
    $accepted = @($creates | Where-Object { $null -ne $_.vodTaskId -and $_.vodTaskId -ne '' } | Sort-Object { [DateTimeOffset]$_.time })
    $tasksPerFile = @{}
    foreach ($entry in $accepted) { $tasksPerFile[$entry.fileId] = 1 + [int]$tasksPerFile[$entry.fileId] }
    $times = @($accepted | ForEach-Object { [DateTimeOffset]$_.time })
    $spanSec = ($times[-1] - $times[0]).TotalSeconds
    # The fastest client that never sees 4400 sends the last of N requests floor((N-1)/rate) windows after
    # the first (for fixed and sliding counting alike); the share compares that with the span the ledger shows.
    $idealSec = [Math]::Floor(($accepted.Count - 1) / $Rate) * $WindowSec
    $used = if ($spanSec -gt 0) { 100 * $idealSec / $spanSec } else { 0 }
    # Fairness: accepted requests per process from the moment the last process sent its first request to the
    # moment the first process got its last answer, when every one of them was asking; none overlapping is 100%.
    $process = { ($_.fileId -split '-')[0] }
    $firstTry = @($creates | Group-Object $process | ForEach-Object { ($_.Group | ForEach-Object { [DateTimeOffset]$_.time } | Measure-Object -Minimum).Minimum })
    $lastAccept = @($accepted | Group-Object $process | ForEach-Object { [DateTimeOffset]$_.Group[-1].time })
    $from = ($firstTry | Measure-Object -Maximum).Maximum
    $fairFrom = ($firstTry | Measure-Object -Minimum).Minimum.AddSeconds($FairFromSec)
    if ($fairFrom -gt $from) { $from = $fairFrom }
    $to = ($lastAccept | Measure-Object -Minimum).Minimum
    $shares = @($accepted | Group-Object $process | ForEach-Object { @($_.Group | Where-Object { $t = [DateTimeOffset]$_.time; $t -ge $from -and $t -le $to }).Count })
    $mean = ($shares | Measure-Object -Average).Average
    $deviation = if ($Processes -le 1) { 0 } elseif ($mean -le 0) { 100 } else { 100 * (($shares | ForEach-Object { [Math]::Abs($_ - $mean) }) | Measure-Object -Maximum).Maximum / $mean }
    [pscustomobject]@{
        Requests = $creates.Count; Rejected = $rejected; RejectedPercent = if ($creates.Count) { 100 * $rejected / $creates.Count } else { 0 }
        Accepted = $accepted.Count; Files = $tasksPerFile.Count; MaxTasksPerFile = ($tasksPerFile.Values | Measure-Object -Maximum).Maximum
        SpanSec = $spanSec; IdealSec = $idealSec; UsedPercent = $used; FairnessPercent = $deviation; Shares = $shares -join '/'
    }
}

Export-ModuleMember -Function Invoke-QuotaClients, Measure-QuotaLedger
