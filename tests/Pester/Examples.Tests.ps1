param([ValidateSet('V2', 'V3')] [string] $ApiVersion = 'V2')

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-ModuleUnderTest
    $script:emulator = Start-TestEmulator -ArgumentList '--task-waiting-ms', '50', '--task-processing-ms', '100'
    $script:runbook = Join-Path $PSScriptRoot '../../examples/Invoke-SpriteRunbook.ps1'
    # The runbook imports the module by name, as it would from an installed location.
    $script:savedModulePath = $env:PSModulePath
    $env:PSModulePath = (Split-Path $env:VODPS_TEST_MODULE) + [System.IO.Path]::PathSeparator + $env:PSModulePath
}

AfterAll {
    $env:PSModulePath = $savedModulePath
    $emulator | Stop-TestEmulator
}

Describe "The example runbook ($ApiVersion)" {
    It 'submits a CSV with a journal, waits for the sprites, writes the report, and is safe to rerun' {
        $csv = Join-Path $TestDrive 'files.csv'
        'FileId', 'runbook-1', 'runbook-2', 'missing-runbook', 'runbook-3' | Set-Content -LiteralPath $csv
        $output = Join-Path $TestDrive 'out'
        $connection = @{ Endpoint = $emulator.Endpoint; Credential = $emulator.Credential; ApiVersion = $ApiVersion }

        $summary = & $runbook -InputCsv $csv -OutputFolder $output -Connection $connection -WaitTimeoutSec 60 -PollIntervalSec 0.1

        $summary.Submitted | Should -Be 3
        $summary.Failed | Should -Be 1
        $summary.Finished | Should -Be 3
        $report = @(Import-Csv (Join-Path $output 'report.csv'))
        $report.Count | Should -Be 3
        $report | ForEach-Object { $_.ImageSpriteUrls | Should -Not -BeNullOrEmpty }
        @(Import-Csv (Join-Path $output 'submitted.csv')).Count | Should -Be 4

        $again = & $runbook -InputCsv $csv -OutputFolder $output -Connection $connection -WaitTimeoutSec 60 -PollIntervalSec 0.1
        $again.Submitted | Should -Be 3
        @(Import-Csv (Join-Path $output 'submitted.csv') | Where-Object Status -EQ 'Skipped').Count | Should -Be 3
        @(Get-EmulatorLedger $emulator | Where-Object { $_.action -in 'CreateImageSprite', 'ProcessMedia' -and $_.code -eq 0 }).Count | Should -Be 3
    }
}
