param([ValidateSet('V2', 'V3')] [string] $ApiVersion = 'V2')

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-ModuleUnderTest

    # Successful CreateImageSprite requests per fileId, from the emulator's ground truth.
    function Get-CreatedCount($Emulator) {
        $created = @{}
        foreach ($entry in Get-EmulatorLedger $Emulator) {
            if ($entry.action -in 'CreateImageSprite', 'ProcessMedia' -and $entry.code -eq 0 -and $entry.vodTaskId) { $created[$entry.fileId] = 1 + [int]$created[$entry.fileId] }
        }
        $created
    }

    # A lost answer that cannot be reconciled is reported: one SubmissionUnknown error per Unknown result, no other.
    function Assert-OneErrorPerUnknown($Results, $Failures) {
        $unknown = @($Results | Where-Object Status -EQ 'Unknown')
        $Failures.Count | Should -Be $unknown.Count
        foreach ($failure in $Failures) {
            $failure.FullyQualifiedErrorId | Should -BeLike 'SubmissionUnknown,*'
            $failure.CategoryInfo.Category | Should -Be 'InvalidResult'
            $failure.TargetObject | Should -BeIn $unknown.FileId
        }
    }
}

Describe "Quota ($ApiVersion)" {
    BeforeAll {
        # A scaled-down minute: 10 requests per 2 s window.
        $script:limited = Start-TestEmulator -ArgumentList '--quota-rate', '10', '--quota-window-ms', '2000'
        $script:on = @{ Endpoint = $limited.Endpoint; Credential = $limited.Credential; ApiVersion = $ApiVersion; RetryIntervalSec = 0.05 }
    }
    AfterAll { $limited | Stop-TestEmulator }
    BeforeEach { Reset-Emulator $limited }

    It 'stays within the quota on its own, so the service never answers 4400' {
        $fileIds = 1..25 | ForEach-Object { "quota-$_" }
        $results = $fileIds | New-VodImageSprite @on -RequestsPerMinute 10 -QuotaWindowSec 2

        $results.Status | Sort-Object -Unique | Should -Be 'Submitted'
        $rejected = Get-Expectation -ApiVersion $ApiVersion -Case QuotaRejected
        @(Get-EmulatorLedger $limited | Where-Object { & $rejected $_ }).Count | Should -Be 0
    }

    It 'retries a 4400 caused by someone else on the same key instead of failing the file' {
        $fileIds = 1..16 | ForEach-Object { "shared-$_" }
        # No client-side limit: this stands in for another machine eating the same budget.
        $results = $fileIds | New-VodImageSprite @on -RequestsPerMinute 0 -ThrottleLimit 4

        $results.Status | Sort-Object -Unique | Should -Be 'Submitted'
        $rejected = Get-Expectation -ApiVersion $ApiVersion -Case QuotaRejected
        @(Get-EmulatorLedger $limited | Where-Object { & $rejected $_ }).Count | Should -BeGreaterThan 0
        (Get-CreatedCount $limited).Count | Should -Be 16
    }
}

Describe "Faults of a real network ($ApiVersion)" {
    It 'retries transient failures and creates every task exactly once' {
        $faulty = Start-TestEmulator -ArgumentList '--fault-rate', '0.3', '--fault-kinds', 'http500,reset,code5100,code6000,code6200', '--fault-seed', '7'
        try {
            $fileIds = 1..40 | ForEach-Object { "transient-$_" }
            $results = $fileIds | New-VodImageSprite -Endpoint $faulty.Endpoint -Credential $faulty.Credential -ApiVersion $ApiVersion -RetryIntervalSec 0.01 -MaximumRetryCount 6

            $results.Status | Sort-Object -Unique | Should -Be 'Submitted'
            @(Get-EmulatorLedger $faulty | Where-Object fault).Count | Should -BeGreaterThan 0
            $created = Get-CreatedCount $faulty
            $created.Count | Should -Be 40
            $created.Values | Sort-Object -Unique | Should -Be 1
        }
        finally { $faulty | Stop-TestEmulator }
    }

    It 'never duplicates a task when answers are lost after the service acted' {
        $lossy = Start-TestEmulator -ArgumentList '--fault-rate', '0.3', '--fault-kinds', 'lost,truncated', '--fault-seed', '11'
        try {
            $fileIds = 1..30 | ForEach-Object { "lost-$_" }
            $results = $fileIds | New-VodImageSprite -Endpoint $lossy.Endpoint -Credential $lossy.Credential -ApiVersion $ApiVersion -RetryIntervalSec 0.01 -MaximumRetryCount 6 -ErrorAction SilentlyContinue -ErrorVariable failures

            $created = Get-CreatedCount $lossy
            $created.Values | Sort-Object -Unique | Should -Be 1
            @($results | Where-Object Reconciled).Count | Should -BeGreaterThan 0
            foreach ($result in $results) {
                $result.Status | Should -BeIn @('Submitted', 'Unknown')
                if ($result.Status -eq 'Submitted') { $created[$result.FileId] | Should -Be 1 }
            }
            Assert-OneErrorPerUnknown -Results $results -Failures $failures
        }
        finally { $lossy | Stop-TestEmulator }
    }
}

Describe "Every kind of fault at once ($ApiVersion)" {
    # 1,000 fileIds per seed, 20% faults of every kind. "lost" closes the connection gracefully after the service
    # acted, so .NET's HTTP stack resends a request without a body by itself (a v2 read: answered 4500 for the spent
    # Nonce). Creates carry a body (v2 form POST, API 3.0 JSON with a SessionId), so none may become a second task.
    It 'ends every fileId with exactly one task or an explicit Unknown, and at most 1% Unknown (seed <_>)' -ForEach @(20261125, 7, 13) {
        $chaos = Start-TestEmulator -ArgumentList '--quota-rate', '0', '--fault-rate', '0.2', '--fault-seed', $_, '--slow-ms', '100',
            '--fault-kinds', 'http500,reset,code5100,code6000,code6200,truncated,slow,lost'
        try {
            $fileIds = 1..1000 | ForEach-Object { "chaos-$_" }
            $results = $fileIds | New-VodImageSprite -Endpoint $chaos.Endpoint -Credential $chaos.Credential -ApiVersion $ApiVersion `
                -RequestsPerMinute 0 -RetryIntervalSec 0.01 -MaximumRetryCount 8 -RequestTimeoutSec 5 -ErrorAction SilentlyContinue -ErrorVariable failures

            $results.Count | Should -Be 1000
            ($results.FileId | Sort-Object) | Should -Be ($fileIds | Sort-Object)
            $ledger = Get-EmulatorLedger $chaos
            $faultKinds = @($ledger | Where-Object fault | ForEach-Object fault | Sort-Object -Unique)
            $faultKinds.Count | Should -Be 8 -Because 'the run must really meet every kind of fault'
            if ($ApiVersion -eq 'V2') {
                # The stack resends body-less reads after a lost answer (answered 4500), never a create, which goes as a POST with a body.
                @($ledger | Where-Object { $_.action -ne 'CreateImageSprite' -and $_.code -eq 4500 }).Count | Should -BeGreaterThan 0 -Because 'lost answers really provoke silent resends'
                @($ledger | Where-Object { $_.action -eq 'CreateImageSprite' -and $_.code -eq 4500 }).Count | Should -Be 0 -Because 'a create is never resent with the same Nonce'
            }
            $created = Get-CreatedCount $chaos
            @($created.Values | Where-Object { $_ -gt 1 }).Count | Should -Be 0 -Because 'no fileId may get two tasks'
            foreach ($result in $results) {
                $result.Status | Should -BeIn @('Submitted', 'Unknown')
                if ($result.Status -eq 'Submitted') { $created[$result.FileId] | Should -Be 1 }
            }
            @($results | Where-Object Status -eq 'Unknown').Count | Should -BeLessOrEqual 10
            Assert-OneErrorPerUnknown -Results $results -Failures $failures
        }
        finally { $chaos | Stop-TestEmulator }
    }
}

Describe "Journal and resume ($ApiVersion)" {
    BeforeAll {
        $script:emulator = Start-TestEmulator -ArgumentList '--quota-rate', '0'
        $script:on = @{ Endpoint = $emulator.Endpoint; Credential = $emulator.Credential; ApiVersion = $ApiVersion; RetryIntervalSec = 0 }
    }
    AfterAll { $emulator | Stop-TestEmulator }
    BeforeEach { Reset-Emulator $emulator }

    It 'skips on a rerun what already has a task, with its previous task id' {
        $journal = Join-Path $TestDrive 'rerun.jsonl'
        $fileIds = 1..10 | ForEach-Object { "journal-$_" }
        $first = $fileIds | New-VodImageSprite @on -JournalPath $journal
        $second = $fileIds | New-VodImageSprite @on -JournalPath $journal

        $second.Status | Sort-Object -Unique | Should -Be 'Skipped'
        $second.VodTaskId | Should -Be $first.VodTaskId
        (Get-CreatedCount $emulator).Count | Should -Be 10
        @(Get-EmulatorLedger $emulator | Where-Object action -In 'CreateImageSprite', 'ProcessMedia').Count | Should -Be 10
    }

    It 'adopts the task of an interrupted submission and repairs a torn last line' {
        $journal = Join-Path $TestDrive 'interrupted.jsonl'
        # The previous run sent this file (the service has its task) and died before writing the outcome.
        $sent = New-VodImageSprite @on -FileId 'interrupted-1'
        $intent = @{ kind = 'intent'; at = [DateTimeOffset]::UtcNow.AddSeconds(-5).ToString('o'); fileId = 'interrupted-1'; definition = 10 } | ConvertTo-Json -Compress
        Set-Content -LiteralPath $journal -Value ($intent + "`n" + '{"kind":"outcome","fileId":"torn') -NoNewline

        $result = New-VodImageSprite @on -FileId 'interrupted-1', 'fresh-1' -JournalPath $journal -WarningVariable warnings -WarningAction SilentlyContinue

        $result[0].Status | Should -Be 'Skipped'
        $result[0].Reconciled | Should -BeTrue
        $result[0].VodTaskId | Should -Be $sent.VodTaskId
        $result[1].Status | Should -Be 'Submitted'
        ($warnings -join "`n") | Should -Match 'cut short'
        (Get-CreatedCount $emulator)['interrupted-1'] | Should -Be 1
    }

    It 'loses and duplicates nothing when the runbook is killed (SIGKILL) and run again' {
        $journal = Join-Path $TestDrive 'killed.jsonl'
        $ids = Join-Path $TestDrive 'ids.txt'
        1..300 | ForEach-Object { "killed-$_" } | Set-Content -LiteralPath $ids
        $script = @"
Import-Module '$env:VODPS_TEST_MODULE/VodPowerShell.psd1'
`$credential = [pscredential]::new('$($emulator.SecretId)', (ConvertTo-SecureString '$($emulator.SecretKey)' -AsPlainText -Force))
Get-Content -LiteralPath '$ids' | New-VodImageSprite -Endpoint '$($emulator.Endpoint)' -ApiVersion $ApiVersion -Credential `$credential -JournalPath '$journal' -RequestsPerMinute 40 -QuotaWindowSec 1 | Out-Null
"@
        $runbook = Join-Path $TestDrive 'runbook.ps1'
        Set-Content -LiteralPath $runbook -Value $script
        $child = Start-Process -FilePath 'dotnet' -ArgumentList 'pwsh', '-NoProfile', '-NonInteractive', '-File', $runbook -PassThru

        # Kill it mid-run, once it has journalled some work (bounded wait).
        $deadline = [DateTime]::UtcNow.AddSeconds(60)
        while ([DateTime]::UtcNow -lt $deadline -and -not $child.HasExited) {
            if ((Test-Path $journal) -and (Get-Item $journal).Length -gt 4000) { break }
            Start-Sleep -Milliseconds 100
        }
        $child.HasExited | Should -BeFalse -Because 'the run must still be going when it is killed'
        # SIGKILL to the whole tree: 'dotnet pwsh' is a launcher with the real pwsh as its child.
        $child.Kill($true)
        $child.WaitForExit(10000) | Should -BeTrue

        # The launcher exits first; wait (bounded) until the killed pwsh is gone and its lock with it.
        $deadline = [DateTime]::UtcNow.AddSeconds(15)
        while ($true) {
            try { [System.IO.File]::Open($journal, 'Open', 'ReadWrite', 'None').Dispose(); break }
            catch [System.IO.IOException] { if ([DateTime]::UtcNow -gt $deadline) { throw } ; Start-Sleep -Milliseconds 100 }
        }

        $results = Get-Content -LiteralPath $ids | New-VodImageSprite @on -JournalPath $journal -RequestsPerMinute 0

        $results.Count | Should -Be 300
        @($results | Where-Object VodTaskId).Count | Should -Be 300
        @($results | Where-Object Status -EQ 'Skipped').Count | Should -BeGreaterThan 0
        $created = Get-CreatedCount $emulator
        $created.Count | Should -Be 300
        $created.Values | Sort-Object -Unique | Should -Be 1
    }
}

Describe "Concurrency ($ApiVersion)" {
    BeforeAll {
        $script:emulator = Start-TestEmulator -ArgumentList '--fault-rate', '0.5', '--fault-kinds', 'slow', '--slow-ms', '150'
        $script:on = @{ Endpoint = $emulator.Endpoint; Credential = $emulator.Credential; ApiVersion = $ApiVersion; RetryIntervalSec = 0; RequestsPerMinute = 0 }
    }
    AfterAll { $emulator | Stop-TestEmulator }

    It 'keeps input order by default, however requests finish' {
        $fileIds = 1..30 | ForEach-Object { "order-$_" }
        ($fileIds | New-VodImageSprite @on -ThrottleLimit 8).FileId | Should -Be $fileIds
    }

    It 'emits in completion order with -Unordered, still one result per input' {
        $fileIds = 1..30 | ForEach-Object { "unordered-$_" }
        $results = $fileIds | New-VodImageSprite @on -ThrottleLimit 8 -Unordered
        ($results.FileId | Sort-Object) | Should -Be ($fileIds | Sort-Object)
    }
}

Describe "Stopping ($ApiVersion)" {
    It 'stops promptly on Ctrl+C (StopProcessing) in the middle of slow requests, and the runspace stays usable' {
        # Every answer takes 30 s: without cancellation the stop would wait that long for the requests in flight.
        $slow = Start-TestEmulator -ArgumentList '--quota-rate', '0', '--fault-rate', '1', '--fault-kinds', 'slow', '--slow-ms', '30000'
        $runner = [powershell]::Create()
        try {
            $null = $runner.AddScript({
                    param($modulePath, $endpoint, $credential, $apiVersion)
                    Import-Module (Join-Path $modulePath 'VodPowerShell.psd1')
                    1..50 | ForEach-Object { "stop-$_" } | New-VodImageSprite -Endpoint $endpoint -Credential $credential -ApiVersion $apiVersion -RequestsPerMinute 0
                }).AddArgument($env:VODPS_TEST_MODULE).AddArgument($slow.Endpoint).AddArgument($slow.Credential).AddArgument($ApiVersion)
            $running = $runner.BeginInvoke()
            Start-Sleep -Milliseconds 1500    # the first requests are in flight now

            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            $runner.Stop()
            $clock.Elapsed.TotalSeconds | Should -BeLessThan 10 -Because 'Ctrl+C must cancel the requests in flight, not wait 30 s for their answers'
            $running.IsCompleted | Should -BeTrue
            $runner.InvocationStateInfo.State | Should -Be 'Stopped'

            $runner.Commands.Clear()
            $null = $runner.AddScript({ (Get-Module VodPowerShell).Name })
            $runner.Invoke() | Should -Be 'VodPowerShell'
        }
        finally {
            $runner.Dispose()
            $slow | Stop-TestEmulator
        }
    }
}
